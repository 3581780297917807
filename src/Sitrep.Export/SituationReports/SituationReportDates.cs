namespace Sitrep.SituationReports;

/// <summary>How reports print dates.</summary>
public static class SituationReportDates
{
    /// <summary>"30 Oct 2022".</summary>
    public static string Short(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Sunday 30 October 2022".</summary>
    public static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"29 Oct – 31 Oct 2022", or one date when both are the same day.</summary>
    public static string Span(DateOnly from, DateOnly to) => from == to ? Short(from) : $"{Short(from)} – {Short(to)}";
}
