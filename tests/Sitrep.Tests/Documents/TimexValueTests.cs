using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

/// <summary>What the stages read from a TIMEX3 value: its day, the last day of its period, its time of day.</summary>
public class TimexValueTests
{
    [Theory]
    [InlineData("2022-01-06", "2022-01-06")]
    [InlineData("2022-01-06TMO", "2022-01-06")]
    [InlineData("2022-01-06T14", "2022-01-06")]
    [InlineData("2022-01", null)]
    [InlineData("2022-02-30", null)]
    [InlineData("XXXX-01-06", null)]
    [InlineData("P3D", null)]
    public void TheDay_IsReadOnlyFromAWholeValidDay(string value, string? day)
    {
        bool found = new TimexValue(value).TryGetDay(out var d);
        Assert.Equal(day is not null, found);
        if (day is not null) Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), d);
    }

    [Theory]
    [InlineData("2017-10", "2017-10-31")]
    [InlineData("2024-02", "2024-02-29")]
    [InlineData("2017", "2017-12-31")]
    [InlineData("2017-10-05TEV", "2017-10-05")]
    [InlineData("2017-W40", null)]
    [InlineData("PRESENT_REF", null)]
    [InlineData("201", null)]
    public void ThePeriodEnds_OnItsLastDay(string value, string? end) =>
        Assert.Equal(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), new TimexValue(value).PeriodEnd());

    [Fact]
    public void TheTimeOfDay_IsAPartOfTheDayOrAnHour_AfterADay()
    {
        Assert.Equal("14", new TimexValue("2022-01-06T14").TimeOfDay);
        Assert.Equal("NI", new TimexValue("2022-01-06TNI").TimeOfDay);
        Assert.Null(new TimexValue("2022-01-06").TimeOfDay);
        Assert.Null(new TimexValue("2022-W01").TimeOfDay);
        Assert.Equal("2022-01", ((TimexValue)"2022-01").ToString());
    }
}
