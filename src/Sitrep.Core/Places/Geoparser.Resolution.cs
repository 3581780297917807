using Sitrep.Documents;

namespace Sitrep.Places;

/// <summary>Resolution: each candidate's gazetteer entries scored by the ranker over its features, then the rules the ranker cannot express (a division's seat, a contradicting container, a guessed alternate name).</summary>
internal sealed partial class Geoparser
{
    private void Resolve(List<Candidate> candidates, Dictionary<ushort, double> focus, DateOnly date, bool nearby, List<PlaceExplanation>? explanations = null)
    {
        double focusTotal = focus.Values.Sum();
        var divisions = MentionedDivisions(candidates);
        var anchors = nearby ? Anchors(candidates) : [];
        var chosen = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++) chosen[i] = candidates[i].Chosen;
        var contradicted = new HashSet<(string Key, int Entry)>();
        Span<double> features = stackalloc double[RankerFeatures.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double best = double.NegativeInfinity, second = double.NegativeInfinity;
            int bestEntry = -1, bestPosting = 0;
            int considered = 0;
            // The mention's own vote (its name, or where the first pass put it) does not count for itself.
            var (ownCountry, ownVote) = c.IsCountryName(gazetteer) ? (gazetteer.CountryCode(c.Postings[0] & NameIndex.EntryMask), 1.0)
                : nearby && chosen[i] >= 0 && gazetteer.Level(chosen[i]) != PlaceLevel.Country ? (gazetteer.CountryCode(chosen[i]), _options.PlaceVote)
                : ((ushort)0, 0.0);
            // "Qaysar district, Faryab" where the gazetteer has no such district: a second search takes the
            // town of that name the container holds, the district's seat (as ACLED codes a district's events).
            // With no container ("the Lensk district of Yakutia", "in Dehloran county") the town is taken
            // if the tagger called the name a place, inside the countries the report names if it names any.
            var ranked = nearby && (OnRanked is not null || explanations is not null) ? new List<(int Entry, double[] Features)>() : null;
            string? rule = null;
            for (int search = 0; search < 2 && bestEntry < 0; search++)
            {
                bool seatForDivision = search == 1;
                if (seatForDivision && !(c.Cue == Cue.Division && (c.Parents.Count > 0 || c.Tagged))) break;
                considered = 0;
                foreach (var posting in c.Postings)
                {
                    int e = posting & NameIndex.EntryMask;
                    var level = gazetteer.Level(e);
                    if ((c.Cue == Cue.Settlement || c.CalledTown) && level is PlaceLevel.Region or PlaceLevel.Country) continue; // "Gaza city" is not the Gaza Strip
                    if (c.Cue == Cue.Division && level is not (PlaceLevel.Admin1 or PlaceLevel.Admin2)
                        && !(seatForDivision && level is PlaceLevel.City or PlaceLevel.District && IsSeatCandidate(candidates, c, e, focus, date))) continue;
                    // "Johnson" is not Johnson County, but "Masisi, Nord-Kivu" is Masisi Territory, which North Kivu holds.
                    if (c.Cue != Cue.Division && (posting & NameIndex.CoreFlag) != 0 && level != PlaceLevel.Admin1
                        && (c.Parents.Count == 0 || Containment(candidates, c, e, date) == 0)) continue;
                    if (++considered > _options.MaxEntriesRanked) break;
                    // A sound-alike is a guess: only inside the countries the report names, if it names any.
                    if (c.Fuzzy && focusTotal > 0 && focus.GetValueOrDefault(gazetteer.CountryCode(e)) == 0) continue;
                    // Two or three letters ("WA", "SA") name countries and states, not villages.
                    // Three letters not written in capitals that the tagger calls a place, or that a division holds, are a town: "Nis, Serbia", "in Ufa".
                    if (c.Key.Length <= 3 && level is PlaceLevel.City or PlaceLevel.District or PlaceLevel.Admin2
                        && !(c.Key.Length == 3 && !c.AllCaps && (c.Tagged || c.Parents.Count > 0))) continue;
                    features.Clear();
                    RankerFeatures.Prior(posting, gazetteer.Columns, features);
                    if (c.Cue == Cue.Division) features[RankerFeatures.DivisionCue] = 1;
                    if (c.Cue == Cue.Settlement && level is PlaceLevel.City or PlaceLevel.District) features[RankerFeatures.SettlementCue] = 1;
                    if (c.CueCountry != 0 && gazetteer.CountryCode(e) == c.CueCountry) features[RankerFeatures.CueCountry] = 1;
                    var country = gazetteer.CountryCode(e);
                    if (focusTotal - ownVote > 0 && country != 0)
                        features[RankerFeatures.CountryFocus] = Math.Max(0, focus.GetValueOrDefault(country) - (country == ownCountry ? ownVote : 0)) / (focusTotal - ownVote);
                    features[RankerFeatures.Containment] = Containment(candidates, c, e, date);
                    if (level is not (PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Region) && gazetteer.Admin1On(e, date) is var division
                        && divisions.Contains(division) && !Names(c, division)) // "Montana" is not Montana City
                        features[RankerFeatures.DivisionFocus] = 1;
                    if (nearby && considered <= _options.NearnessCandidates) features[RankerFeatures.Nearness] = Nearness(candidates, anchors, i, e);
                    double score = _ranker.Score(features);
                    if (ranked is not null) ranked.Add((e, features.ToArray()));
                    if (score > best)
                    {
                        second = best;
                        best = score;
                        bestEntry = e;
                        bestPosting = posting;
                    }
                    else if (score > second) second = score;
                }
            }
            if (ranked is { Count: > 0 }) OnRanked?.Invoke(new TextRange(c.Start, c.End), ranked);
            int rankedBest = bestEntry;
            // Prefer the city to a division of the same name it is the seat of ("Almaty" the city, not the
            // city-region), unless the text said "region".
            if (bestEntry >= 0 && c.Cue != Cue.Division && gazetteer.Level(bestEntry) is PlaceLevel.Admin1 or PlaceLevel.Admin2
                && !ContainsAChild(candidates, c, bestEntry, date))
            {
                bestEntry = SeatOf(c, bestEntry, anySize: c.CalledTown);
                if (bestEntry != rankedBest) rule = "the town that is the seat of the division of this name, which the report did not call a division";
            }
            // "Pisky, Donetsk" with no Pisky in Donetsk region in the gazetteer, or "Bule (Djugu, Ituri)" with
            // no Bule in Congo: a namesake elsewhere would put the event on the wrong map; leave it
            // unresolved and let its container stand for it. A container that is itself no place the
            // report can be put on ("Kanpur (UP)") stands for nothing, and rules nothing out.
            if (bestEntry >= 0 && gazetteer.Level(bestEntry) is not (PlaceLevel.Country or PlaceLevel.Region)
                && c.Parents.Count > 0 && Containment(candidates, c, bestEntry, date) == 0 && !DivisionUnknown(candidates, c, bestEntry)
                && (!nearby || c.Parents.Exists(p => chosen[p] >= 0)))
            {
                bool abroad = !ParentSharesCountry(candidates, c, gazetteer.CountryCode(bestEntry));
                if (ParentIsDivision(candidates, c) || c.ParentInParentheses && abroad)
                {
                    if (abroad) contradicted.Add((c.Key, bestEntry));
                    bestEntry = TownInContainer(candidates, c, focus, date);
                    rule = bestEntry >= 0
                        ? "the town of this name that the place the report says holds it does hold (it holds no division of this name), standing for the division as its seat"
                        : "left unplaced: the place the report says holds it holds no entry of this name, and a namesake elsewhere would be wrong";
                }
            }
            // "Bala" is another name of Basel: in a report whose other places are all elsewhere, a town
            // matched only by another name of it, in a country nothing else in the report points to, is a guess.
            // A division's other spelling is not ("Idleb" in a report on a Turkish and Russian patrol), though its seat stands for it.
            if (nearby && bestEntry >= 0 && (bestPosting & NameIndex.AlternateFlag) != 0 && gazetteer.Level(bestPosting & NameIndex.EntryMask) is PlaceLevel.City or PlaceLevel.District
                && focusTotal - ownVote > 0 && focus.GetValueOrDefault(gazetteer.CountryCode(bestEntry)) - (gazetteer.CountryCode(bestEntry) == ownCountry ? ownVote : 0) <= 0)
            {
                bestEntry = -1;
                rule = "left unplaced: matched only by another name of a town in a country nothing else in the report points to";
            }
            c.Chosen = bestEntry;
            double margin = double.IsNegativeInfinity(second) ? _options.LoneEntryMargin : best - second;
            c.Confidence = bestEntry < 0 ? 0 : (c.Tagged ? _options.TaggedConfidence : _options.UntaggedConfidence) * (1 - 0.5 * Math.Exp(-margin));
            if (explanations is not null)
                explanations.Add(new PlaceExplanation(new TextRange(c.Start, c.End), c.Key,
                    [.. ranked!.Select(r => new RankedEntry(r.Entry, _ranker.Score(r.Features), r.Features)).OrderByDescending(r => r.Score)],
                    bestEntry, c.Confidence, rule ?? (bestEntry < 0 && ranked!.Count == 0 ? "no entry of this name fits what the report says of it" : null), _ranker));
        }
        // One name is one place in a report: where its container ruled out a namesake in another country,
        // the namesake is out for the name's other mentions too ("Palma in northern Mozambique" ... "control of Palma").
        foreach (var c in candidates)
            if (c.Chosen >= 0 && contradicted.Contains((c.Key, c.Chosen)))
            {
                c.Chosen = -1;
                c.Confidence = 0;
                int i = explanations?.FindIndex(x => x.Range.Start == c.Start) ?? -1;
                if (i >= 0)
                    explanations![i] = explanations[i] with
                    {
                        Chosen = -1, Confidence = 0,
                        Rule = "left unplaced: another mention of the name was put elsewhere by its container, and one name is one place in a report",
                    };
            }
    }

    // A town standing for the division of its name the gazetteer lacks: inside the division's named container, else in the report's countries.
    private bool IsSeatCandidate(List<Candidate> candidates, Candidate c, int town, Dictionary<ushort, double> focus, DateOnly date) =>
        c.Parents.Count > 0 ? Containment(candidates, c, town, date) > 0
        : focus.Count == 0 || focus.GetValueOrDefault(gazetteer.CountryCode(town)) > 0;

    private static bool Names(Candidate c, int entry)
    {
        foreach (var posting in c.Postings)
            if ((posting & NameIndex.EntryMask) == entry) return true;
        return false;
    }

    /// <summary>The first-level divisions the report names outright ("Ontario", "Kentucky"): its places are likely in them.</summary>
    private HashSet<int> MentionedDivisions(List<Candidate> candidates)
    {
        var divisions = new HashSet<int>();
        foreach (var c in candidates)
        {
            int e = c.Chosen >= 0 ? c.Chosen : c.Postings.Count > 0 ? c.Postings[0] & NameIndex.EntryMask : -1;
            if (e >= 0 && gazetteer.Level(e) == PlaceLevel.Admin1) divisions.Add(e);
        }
        return divisions;
    }

    private bool ParentSharesCountry(List<Candidate> candidates, Candidate c, ushort country)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (gazetteer.CountryCode(posting & NameIndex.EntryMask) == country) return true;
        return false;
    }

    // "Poonch district, J&K" where the gazetteer's only Poonch district is Pakistan's: Indian Poonch, the
    // town, stands for its district, as a district's events are coded at its seat: the town the second search
    // takes when the first finds no division, here when the one it found is ruled out. Only for a name called a division.
    private int TownInContainer(List<Candidate> candidates, Candidate c, Dictionary<ushort, double> focus, DateOnly date)
    {
        if (c.Cue != Cue.Division) return -1;
        foreach (var posting in c.Postings)
        {
            int e = posting & NameIndex.EntryMask;
            if (gazetteer.Level(e) is PlaceLevel.City or PlaceLevel.District && IsSeatCandidate(candidates, c, e, focus, date)) return e;
        }
        return -1;
    }

    // "Kansafra in Idleb countryside" where the gazetteer's Kansafra (an ACLED location) has no recorded
    // division, or "Badah town (Larkana, Sindh)" where Badah's district is not recorded: a container the
    // gazetteer cannot check the entry against does not rule it out.
    private bool DivisionUnknown(List<Candidate> candidates, Candidate c, int e)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
            {
                int container = posting & NameIndex.EntryMask;
                if (gazetteer.CountryCode(container) != gazetteer.CountryCode(e)) continue;
                switch (gazetteer.Level(container))
                {
                    case PlaceLevel.Admin1 when gazetteer.Admin1(e) < 0:
                    case PlaceLevel.Admin2 when gazetteer.Admin2(e) < 0 && (gazetteer.Admin1(e) < 0 || gazetteer.Admin1(e) == gazetteer.Admin1(container)):
                        return true;
                }
            }
        return false;
    }

    private bool ParentIsDivision(List<Candidate> candidates, Candidate c)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (gazetteer.Level(posting & NameIndex.EntryMask) is PlaceLevel.Country or PlaceLevel.Admin1 or PlaceLevel.Admin2) return true;
        return false;
    }

    // "Hays district (Al Hudaydah)": a division that holds a place named with it is the division, not its seat.
    private bool ContainsAChild(List<Candidate> candidates, Candidate c, int division, DateOnly date)
    {
        foreach (var ch in c.Children)
            foreach (var posting in candidates[ch].Postings)
                if (Contains(division, posting & NameIndex.EntryMask, date)) return true;
        return false;
    }

    // The town of the mention's name that is the division's seat, when it is at least a quarter of the
    // division's size ("Almaty"), or of any size when the report called it a town ("Puno city").
    private int SeatOf(Candidate c, int division, bool anySize)
    {
        foreach (var posting in c.Postings)
        {
            int e = posting & NameIndex.EntryMask;
            if (gazetteer.Level(e) == PlaceLevel.City && (gazetteer.Admin1(e) == division || gazetteer.Admin2(e) == division)
                && (anySize || gazetteer.Population(e) * 4 >= gazetteer.Population(division)))
                return e;
        }
        return division;
    }

    // A town standing for the district named as such ("Qaysar district", its seat) is that district.
    private PlaceLevel LevelOf(Candidate c, int entry) =>
        c.Cue == Cue.Division && gazetteer.Level(entry) is PlaceLevel.City or PlaceLevel.District ? PlaceLevel.Admin2 : gazetteer.Level(entry);

    /// <summary>
    /// Where a place is put on the map: a division named as such ("Thatta district", "Zhytomyr region") at
    /// the town of the same name it holds, its seat, as ACLED codes a division's events; anything else at its own point.
    /// </summary>
    private int MapPoint(Candidate c, int entry) =>
        c.Cue == Cue.Division && gazetteer.Level(entry) is PlaceLevel.Admin1 or PlaceLevel.Admin2 ? SeatOf(c, entry, anySize: true) : entry;

    /// <summary>1 when a linked parent or child of the mention agrees that entry <paramref name="e"/> fits, else 0.</summary>
    private double Containment(List<Candidate> candidates, Candidate c, int e, DateOnly date)
    {
        foreach (var p in c.Parents)
            foreach (var posting in candidates[p].Postings)
                if (Contains(posting & NameIndex.EntryMask, e, date)) return 1;
        foreach (var ch in c.Children)
            foreach (var posting in candidates[ch].Postings)
                if (Contains(e, posting & NameIndex.EntryMask, date)) return 1;
        return 0;
    }

    private bool Contains(int outer, int inner, DateOnly date)
    {
        if (outer == inner) return false;
        return gazetteer.Level(outer) switch
        {
            PlaceLevel.Country => gazetteer.CountryCode(outer) == gazetteer.CountryCode(inner) && gazetteer.Level(inner) != PlaceLevel.Country,
            PlaceLevel.Admin1 => gazetteer.Admin1On(inner, date) == outer || gazetteer.Admin1(inner) == outer,
            PlaceLevel.Admin2 => gazetteer.Admin2(inner) == outer,
            _ => false,
        };
    }

    /// <summary>How close entry <paramref name="e"/> is to the places chosen for the report's other mentions (0..1).</summary>
    private double Nearness(List<Candidate> candidates, List<(int Entry, string Key)> anchors, int self, int e)
    {
        if (gazetteer.Level(e) is PlaceLevel.Country or PlaceLevel.Region) return 0;
        double lat = gazetteer.Latitude(e), lon = gazetteer.Longitude(e);
        double nearest = double.PositiveInfinity;
        foreach (var (other, key) in anchors)
        {
            if (other == e || key == candidates[self].Key) continue;
            double otherLat = gazetteer.Latitude(other);
            if (Math.Abs(otherLat - lat) * 111 >= Math.Min(nearest, 1000)) continue; // a degree of latitude is 111 km
            nearest = Math.Min(nearest, Geo.DistanceKm(lat, lon, otherLat, gazetteer.Longitude(other)));
        }
        foreach (var (km, value) in _options.NearnessSteps)
            if (nearest < km) return value;
        return 0;
    }

    /// <summary>The distinct places the first pass chose below country level, each with the name that chose it.</summary>
    private List<(int Entry, string Key)> Anchors(List<Candidate> candidates)
    {
        var anchors = new List<(int, string)>();
        foreach (var c in candidates)
            if (c.Chosen >= 0 && gazetteer.Level(c.Chosen) is not (PlaceLevel.Country or PlaceLevel.Region) && !anchors.Contains((c.Chosen, c.Key)))
                anchors.Add((c.Chosen, c.Key));
        return anchors;
    }
}
