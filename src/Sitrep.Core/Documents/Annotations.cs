namespace Sitrep.Documents;

// The layers below are filled by later stages (entities, places, numbers, time, attribution,
// events). Their fields follow the `sitrep extract` JSON contract (shared/EXTRACT.md).

/// <summary>A named-entity mention: PER, ORG, LOC or MISC, with an optional finer subtype (GPE, FAC, NORP).</summary>
public sealed record Mention(TextRange Range, EntityType Type, string? Subtype = null);

/// <summary>The CoNLL-2003 entity types; <see cref="EntityTypes.Name"/> gives the contract's <c>type</c>.</summary>
public enum EntityType
{
    /// <summary>A person (PER).</summary>
    Person,
    /// <summary>An organisation: a government body, party, company, armed group, outlet (ORG).</summary>
    Organization,
    /// <summary>A location (LOC).</summary>
    Location,
    /// <summary>Any other name: nationalities, events, works (MISC).</summary>
    Misc,
}

/// <summary>Contract strings for <see cref="EntityType"/>, which are CoNLL-2003's labels.</summary>
public static class EntityTypes
{
    /// <summary>The label of <paramref name="type"/>: PER, ORG, LOC or MISC.</summary>
    public static string Name(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>The type a label names (PER, ORG, LOC, MISC).</summary>
    public static EntityType Parse(string label) => label switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        "MISC" => EntityType.Misc,
        _ => throw new ArgumentException($"'{label}' is not an entity type (PER, ORG, LOC, MISC)", nameof(label)),
    };
}

/// <summary>How precisely a quantity is stated; the names map to the contract's qualifier vocabulary.</summary>
public enum QuantityQualifier
{
    /// <summary>"13".</summary>
    Exact,
    /// <summary>"about 200".</summary>
    Approximately,
    /// <summary>"at least 5".</summary>
    AtLeast,
    /// <summary>"over a thousand".</summary>
    MoreThan,
    /// <summary>"up to 30".</summary>
    AtMost,
    /// <summary>"fewer than 10".</summary>
    LessThan,
    /// <summary>"almost 400".</summary>
    Almost,
    /// <summary>"dozens", "hundreds".</summary>
    Vague,
}

/// <summary>
/// A number that counts or measures something, keeping the report's uncertainty: the range covers
/// the qualifier and the number ("about 200"), <see cref="Unit"/> names what is counted. A money
/// amount given again in another currency ("60 tenge (10 rubles)") keeps that as its <see cref="Conversion"/>.
/// </summary>
public sealed record Quantity(
    TextRange Range,
    double? Value,
    double? Min,
    double? Max,
    QuantityQualifier Qualifier,
    string? Unit = null,
    string? Currency = null,
    Quantity? Conversion = null);

/// <summary>How precise a resolved time value is.</summary>
public enum TimePrecision
{
    /// <summary>A calendar day.</summary>
    Day,
    /// <summary>Part of a day (morning, night).</summary>
    PartOfDay,
    /// <summary>An ISO week.</summary>
    Week,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>A calendar year.</summary>
    Year,
    /// <summary>A quarter of a year.</summary>
    Quarter,
    /// <summary>A season.</summary>
    Season,
    /// <summary>A decade.</summary>
    Decade,
    /// <summary>A clock time.</summary>
    Time,
    /// <summary>No calendar point: "now", "recently", or a duration or frequency.</summary>
    Unspecified,
}

/// <summary>The TIMEX3 type of a temporal expression.</summary>
public enum TimexType
{
    /// <summary>A calendar date or period ("January 6", "last week").</summary>
    Date,
    /// <summary>A time of day ("3 p.m.", "Monday night" is a date with a part of day).</summary>
    Time,
    /// <summary>A length of time ("three days").</summary>
    Duration,
    /// <summary>A recurrence ("daily", "every week").</summary>
    Set,
}

/// <summary>A temporal expression resolved against the report date; <see cref="Value"/> is TIMEX3-style.</summary>
public sealed record TimeExpression(TextRange Range, TimexValue Value, TimePrecision Precision, TimexType Type = TimexType.Date);

/// <summary>A resolved toponym: the gazetteer entry a place name in the text refers to.</summary>
public sealed record PlaceMention(
    TextRange Range,
    string Name,
    long? GeonameId,
    double Latitude,
    double Longitude,
    string Country,
    string? Admin1,
    PlaceLevel Level,
    double Confidence)
{
    /// <summary>What the place is to the report: mentioned in its story, or only where it was filed.</summary>
    public PlaceRole Role { get; init; }
}

/// <summary>What a place mention is to the report.</summary>
public enum PlaceRole
{
    /// <summary>Named in the story.</summary>
    Mentioned,
    /// <summary>In the dateline ("GOMA, June 13 -"): where the report was filed, not where anything happened.</summary>
    Dateline,
}

/// <summary>Who is credited with a claim ("according to the Ministry of Health") and the claim's span.</summary>
public sealed record Attribution(TextRange Range, string Source, SourceType SourceType, TextRange Claim);

/// <summary>What kind of source a claim is credited to; <see cref="SourceTypes.Name"/> gives the contract's <c>source_type</c>.</summary>
public enum SourceType
{
    /// <summary>Ministers, officials, the presidency, ministries.</summary>
    Government,
    /// <summary>Police, the army, security services, armed groups' spokespeople.</summary>
    Security,
    /// <summary>News outlets, reporters, broadcasters.</summary>
    Media,
    /// <summary>Non-governmental and international organisations, rights groups, medics' associations.</summary>
    Ngo,
    /// <summary>Witnesses, residents, survivors.</summary>
    Witness,
    /// <summary>"It is reported that": no one named.</summary>
    Unnamed,
    /// <summary>Anyone else named.</summary>
    Other,
}

/// <summary>Contract strings for <see cref="SourceType"/>.</summary>
public static class SourceTypes
{
    /// <summary>The contract's name for <paramref name="type"/> (<c>government</c>, <c>security</c>, <c>media</c>, <c>ngo</c>, <c>witness</c>, <c>unnamed</c>, <c>other</c>).</summary>
    public static string Name(SourceType type) => type switch
    {
        SourceType.Government => "government",
        SourceType.Security => "security",
        SourceType.Media => "media",
        SourceType.Ngo => "ngo",
        SourceType.Witness => "witness",
        SourceType.Unnamed => "unnamed",
        _ => "other",
    };
}

/// <summary>An event coded to the ACLED taxonomy with its evidence; every field may be empty but never invented.</summary>
public sealed record CodedEvent
{
    /// <summary>ACLED event type, exact string.</summary>
    public required string EventType { get; init; }
    /// <summary>ACLED sub-event type, exact string.</summary>
    public required string SubEventType { get; init; }
    /// <summary>PLOVER event type.</summary>
    public string? Plover { get; init; }
    /// <summary>Event date.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>ACLED time precision: how exactly the date is known (1 the day, 2 the week, 3 the month).</summary>
    public AcledTimePrecision TimePrecision { get; init; }
    /// <summary>Where it happened.</summary>
    public PlaceMention? Place { get; init; }
    /// <summary>ACLED geo precision: how exactly the place is known (1 the place, 2 near it, 3 a region or the country only).</summary>
    public AcledGeoPrecision GeoPrecision { get; init; }
    /// <summary>ACLED actor 1.</summary>
    public string? Actor1 { get; init; }
    /// <summary>ACLED actor 2.</summary>
    public string? Actor2 { get; init; }
    /// <summary>Associated actor of actor 1.</summary>
    public string? AssocActor1 { get; init; }
    /// <summary>Associated actor of actor 2.</summary>
    public string? AssocActor2 { get; init; }
    /// <summary>ACLED inter code of actor 1.</summary>
    public int? Inter1 { get; init; }
    /// <summary>ACLED inter code of actor 2.</summary>
    public int? Inter2 { get; init; }
    /// <summary>Fatalities coded by the ACLED rules.</summary>
    public int? Fatalities { get; init; }
    /// <summary>The phrase the fatality figure came from.</summary>
    public string? FatalitiesText { get; init; }
    /// <summary>Injuries, coded like fatalities.</summary>
    public int? Injured { get; init; }
    /// <summary>The phrase the injury figure came from.</summary>
    public string? InjuredText { get; init; }
    /// <summary>Who reported it.</summary>
    public string? Source { get; init; }
    /// <summary>Sentences supporting the event.</summary>
    public IReadOnlyList<TextRange> Evidence { get; init; } = [];
    /// <summary>Confidence, 0..1.</summary>
    public double Confidence { get; init; }
    /// <summary>One-sentence summary in ACLED's style.</summary>
    public string? Notes { get; init; }
}

/// <summary>ACLED's <c>time_precision</c>: how exactly an event's date is known; the value is ACLED's code.</summary>
public enum AcledTimePrecision
{
    /// <summary>Not coded.</summary>
    Unknown = 0,
    /// <summary>The day is known.</summary>
    Day = 1,
    /// <summary>Within a week (a report's date standing in for the event's, "earlier this week").</summary>
    Week = 2,
    /// <summary>Only the month is known.</summary>
    Month = 3,
}

/// <summary>ACLED's <c>geo_precision</c>: how exactly an event's place is known; the value is ACLED's code.</summary>
public enum AcledGeoPrecision
{
    /// <summary>Not coded.</summary>
    Unknown = 0,
    /// <summary>The town, village or site itself.</summary>
    Place = 1,
    /// <summary>Near it, or a part of a region named by a town in it.</summary>
    Near = 2,
    /// <summary>Only a region, a province or the country (coded at its capital or centre).</summary>
    Region = 3,
}
