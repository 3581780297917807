using Sitrep.Documents;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Time;

public class TimeStageTests
{
    // 2022-01-06 is a Thursday.
    private static readonly DateOnly Report = new(2022, 1, 6);

    private static List<(string Text, TimeExpression T)> Times(string text, DateOnly? date = null)
    {
        var d = TestDocuments.Make(text, Layer.Times, date: date ?? Report);
        return [.. d.Times.Select(t => (d.TextOf(t.Range), t))];
    }

    private static (string Text, string Value) Single(string text, DateOnly? date = null)
    {
        var (found, t) = Assert.Single(Times(text, date));
        return (found, t.Value.Text);
    }

    [Theory]
    [InlineData("It happened on January 6.", "January 6", "2022-01-06")]
    [InlineData("It happened on 6 Jan 2022.", "6 Jan 2022", "2022-01-06")]
    [InlineData("It happened on Jan. 6, 2021.", "Jan. 6, 2021", "2021-01-06")]
    [InlineData("It happened on December 30.", "December 30", "2021-12-30")]
    [InlineData("It happened on the 3rd of nothing, on January 3rd.", "January 3rd", "2022-01-03")]
    [InlineData("It happened in March 2021.", "March 2021", "2021-03")]
    [InlineData("It happened in November.", "November", "2021-11")]
    [InlineData("It happened in 2019.", "2019", "2019")]
    [InlineData("It happened in the 1990s.", "the 1990s", "199")]
    public void AbsoluteDate_IsResolved(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("Police said on Monday that it was over.", "2022-01-03")]
    [InlineData("Police said on Thursday that it was over.", "2022-01-06")]
    [InlineData("Police said on Friday that it was over.", "2021-12-31")]
    [InlineData("The talks will resume on Monday.", "2022-01-10")]
    [InlineData("The talks will resume on Thursday.", "2022-01-13")]
    [InlineData("They met last Tuesday.", "2022-01-04")]
    [InlineData("They meet next Tuesday.", "2022-01-11")]
    // A past verb before the day outweighs a plan told after it.
    [InlineData("The rebels agreed on Thursday to a truce under which they will lay down arms.", "2022-01-06")]
    public void Weekday_IsTheLastOneOrTheNextInFutureClauses(string sentence, string value)
    {
        Assert.Equal(value, Single(sentence).Value);
    }

    [Theory]
    [InlineData("2022-03-01", "Sunday", "2022-02-27")] // across a month boundary
    [InlineData("2022-01-01", "Friday", "2021-12-31")] // across a year boundary
    [InlineData("2021-12-30", "Monday", "2022-01-03")] // a future weekday across a year boundary
    public void Weekday_AcrossMonthAndYearBoundaries(string reportDate, string weekday, string value)
    {
        var date = DateOnly.Parse(reportDate);
        var sentence = value.CompareTo(reportDate) > 0 ? $"The vote will be held on {weekday}." : $"The vote was held on {weekday}.";
        Assert.Equal(value, Single(sentence, date).Value);
    }

    [Theory]
    [InlineData("He was last seen on Nov. 3.", "2021-11-03")] // past tense: the last Nov. 3, though the next is nearer
    [InlineData("Gunmen struck the town in October.", "2021-10")]
    [InlineData("In October, the company brought in a new chief.", "2021-10")] // an irregular past in the clause the month opens
    [InlineData("He resigned as chairman, president and chief executive in October.", "2021-10")]
    [InlineData("The troops must leave by Nov. 3.", "2022-11-03")] // a deadline lies ahead
    [InlineData("The election will be held in October.", "2022-10")]
    [InlineData("The rights expire on March 31.", "2022-03-31")] // no tense cue: the nearest
    public void DateWithoutYear_TakesTheYearTheClauseTensePointsTo(string sentence, string value)
    {
        Assert.Equal(value, Single(sentence, new DateOnly(2022, 5, 6)).Value);
    }

    [Theory]
    [InlineData("Officials said Monday they will meet again.", "2022-01-03")] // the day it was said
    [InlineData("Up until Thursday, they had described him as a witness.", "2022-01-06")]
    [InlineData("The ban was postponed until Monday.", "2022-01-10")]
    [InlineData("He would be traveling to the United States Thursday.", "2022-01-13")]
    [InlineData("The rebels plan to attack on Monday.", "2022-01-10")]
    [InlineData("They are planning to drive around the airport on Monday.", "2022-01-10")]
    [InlineData("They would look for ways around Wednesday's ruling.", "2022-01-05")] // a possessive names an event
    [InlineData("But by Monday, officials hardened their stance.", "2022-01-03")]
    [InlineData("They signed an economic cooperation plan Monday.", "2022-01-03")] // the noun is no cue
    [InlineData("The offensive began as previously planned Monday night.", "2022-01-03TNI")]
    public void Weekday_ReadsReportingVerbsAndDeadlines(string sentence, string value)
    {
        Assert.Equal(value, Single(sentence).Value);
    }

    [Theory]
    [InlineData("It was announced yesterday.", "yesterday", "2022-01-05")]
    [InlineData("It will be announced tomorrow.", "tomorrow", "2022-01-07")]
    [InlineData("It was announced today.", "today", "2022-01-06")]
    [InlineData("Shots were heard last night.", "last night", "2022-01-05TNI")]
    [InlineData("Shots were heard this morning.", "this morning", "2022-01-06TMO")]
    [InlineData("Talks were held last week.", "last week", "2021-W52")]
    [InlineData("Talks are held this week.", "this week", "2022-W01")]
    [InlineData("Talks were held last month.", "last month", "2021-12")]
    [InlineData("Talks are planned next year.", "next year", "2023")]
    [InlineData("Prices rose earlier this year.", "earlier this year", "2022")]
    [InlineData("Prices are high now.", "now", "PRESENT_REF")]
    [InlineData("Prices rose recently.", "recently", "PAST_REF")]
    [InlineData("Prices rose two years ago.", "two years ago", "2020")]
    [InlineData("Prices rose three days ago.", "three days ago", "2022-01-03")]
    public void RelativeExpression_IsResolvedAgainstTheReportDate(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("Riots continued on the night of January 6.", "the night of January 6", "2022-01-06TNI")]
    [InlineData("Troops moved in on the morning of January 6.", "the morning of January 6", "2022-01-06TMO")]
    [InlineData("Shots were fired on Wednesday night.", "Wednesday night", "2022-01-05TNI")]
    [InlineData("It ended yesterday evening.", "yesterday evening", "2022-01-05TEV")]
    public void PartOfDay_IsKept(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Fact]
    public void SameDay_RefersToTheLastMentionedDay()
    {
        var found = Times("Clashes began on January 4. Earlier on the same day, police had fired tear gas.");
        Assert.Equal(("Earlier on the same day", "2022-01-04"), (found[1].Text, found[1].T.Value));
    }

    [Theory]
    [InlineData("The fighting lasted three days.", "three days", "P3D")]
    [InlineData("It declared a six-month state of emergency.", "six-month", "P6M")]
    [InlineData("Shelling went on for 48 hours.", "48 hours", "PT48H")]
    [InlineData("Profits fell in the first nine months.", "the first nine months", "P9M")]
    [InlineData("Prices doubled over the past two years.", "the past two years", "P2Y")]
    public void Duration_HasTimexValue(string sentence, string text, string value)
    {
        var (found, t) = Assert.Single(Times(sentence));
        Assert.Equal((text, value, TimexType.Duration), (found, t.Value, t.Type));
    }

    [Theory]
    [InlineData("Patrols are held daily.", "P1D")]
    [InlineData("Patrols are held every week.", "P1W")]
    public void Frequency_IsASet(string sentence, string value)
    {
        var (_, t) = Assert.Single(Times(sentence));
        Assert.Equal((value, TimexType.Set), (t.Value, t.Type));
    }

    [Theory]
    [InlineData("The curfew begins at 9:30.", "2022-01-06T09:30")]
    [InlineData("The curfew begins at 10 p.m.", "2022-01-06T22:00")]
    public void ClockTime_IsATime(string sentence, string value)
    {
        var (_, t) = Assert.Single(Times(sentence));
        Assert.Equal((value, TimexType.Time), (t.Value, t.Type));
    }

    [Theory]
    [InlineData("Gunmen stormed the store at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday", "2022-01-05T22:00")]
    [InlineData("Talks broke off at noon Tuesday.", "noon Tuesday", "2022-01-04T12:00")]
    [InlineData("The offer runs until 5 p.m. EST, Jan. 20.", "5 p.m. EST, Jan. 20", "2022-01-20T17:00")]
    [InlineData("The blast came at 10:35 a.m. (0735 GMT) Monday.", "10:35 a.m. (0735 GMT) Monday", "2022-01-03T10:35")]
    [InlineData("Shots rang out at 9 p.m. yesterday.", "9 p.m. yesterday", "2022-01-05T21:00")]
    public void ClockTime_TakesTheDayNamedAfterIt(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Fact]
    public void AnaphoricPeriods_ReferToTheLastNamedYearMonthOrQuarter()
    {
        var found = Times("He fled in June 2019 and returned later that year. The following month, he was jailed. In the third quarter of 2018, sales fell; that quarter was the worst.")
            .Select(t => (t.Text, t.T.Value)).ToList();
        Assert.Contains(("later that year", "2019"), found);
        Assert.Contains(("The following month", "2019-07"), found);
        Assert.Contains(("that quarter", "2018-Q3"), found);
    }

    [Fact]
    public void ClockTime_WithoutADay_IsOnTheDayLastMentioned()
    {
        var found = Times("Protesters gathered on January 4. At 10 p.m., police opened fire.");
        Assert.Equal(("10 p.m.", "2022-01-04T22:00"), (found[1].Text, found[1].T.Value));
    }

    [Theory]
    [InlineData("The paper said in an editorial on Monday, Dec. 27:", "Monday, Dec. 27", "2021-12-27")]
    [InlineData("Funds left on Friday Oct. 13 alone.", "Friday Oct. 13", "2021-10-13")]
    [InlineData("They met last Thursday.", "last Thursday", "2021-12-30")] // the report is from a Thursday
    [InlineData("The ratification began in February this year.", "February this year", "2022-02")]
    [InlineData("He was arrested in July last year.", "July last year", "2021-07")]
    [InlineData("The vote is due this September.", "this September", "2022-09")]
    public void Weekday_DateAndMonth_TakeTheirQualifiers(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("It stopped paying in the third quarter of 1984.", "the third quarter of 1984", "1984-Q3")]
    [InlineData("Sales for this year's third quarter fell.", "this year's third quarter", "2022-Q3")]
    [InlineData("It could start in next year's first quarter.", "next year's first quarter", "2023-Q1")]
    [InlineData("In the 2020 third quarter, it lost money.", "the 2020 third quarter", "2020-Q3")]
    [InlineData("In the year-earlier third quarter, it lost money.", "the year-earlier third quarter", "2020-Q3")]
    public void Quarter_TakesTheYearNamedWithIt(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("It happened in nineteen ninety-six.", "nineteen ninety-six", "1996")]
    [InlineData("The goal was to halve it by the year two thousand.", "the year two thousand", "2000")]
    [InlineData("The group split in mid-1996.", "mid-1996", "1996")]
    [InlineData("Results are due in mid-November.", "mid-November", "2022-11")]
    [InlineData("Numbers fell through the nineties.", "the nineties", "199")]
    [InlineData("Rebels held the town in the late 1970s.", "the late 1970s", "197")]
    public void SpelledAndEdgedYears_AreResolved(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("He was found at sea on Thanksgiving Day.", "Thanksgiving Day", "2021-11-25")]
    [InlineData("The boat sank last Christmas.", "last Christmas", "2021-12-25")]
    [InlineData("Talks will resume after Easter.", "Easter", "2022-04-17")]
    [InlineData("Crowds gathered on New Year's Eve.", "New Year's Eve", "2021-12-31")]
    public void Holiday_IsItsDateInTheYearTheClausePointsTo(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("Competitors cut prices over the summer.", "the summer", "2021-SU")]
    [InlineData("Prices will rise in the spring.", "the spring", "2022-SP")]
    [InlineData("Oil fell to the level of the winter of 1994.", "the winter of 1994", "1994-WI")]
    public void Season_IsTheLastBegunOrTheNext(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M")]
    [InlineData("A minute and a half later, the pilot called.", "A minute and a half", "PT1M30S")]
    [InlineData("In the last twenty four hours, shares fell.", "the last twenty four hours", "PT24H")]
    [InlineData("The clans have feuded for years.", "years", "PXY")]
    public void Duration_WithHalvesCompoundsAndBarePlurals(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("The chairman resigned in March for health reasons.", "March", "2021-03")]
    [InlineData("The case will be heard in May in the appeals court.", "May", "2022-05")]
    [InlineData("It was one of the worst disasters of the 20th century.", "the 20th century", "19")]
    [InlineData("He will leave at 4 in the morning.", "4 in the morning", "2022-01-06T04:00")]
    [InlineData("By mid-afternoon, the crowd had grown.", "mid-afternoon", "2022-01-06TAF")]
    [InlineData("Shares fell on overnight losses in New York.", "overnight", "2022-01-05TNI")]
    [InlineData("The appeal could take as long as a month.", "a month", "P1M")]
    public void Month_Century_PartOfDay_AndLengths(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("The relatives have until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "2022-01-11T09:00")] // a deadline, read from the clock time
    [InlineData("In March, the company received an offer.", "March", "2021-03")] // the clause the month opens is past
    [InlineData("It will be heard the week of March 7.", "the week of March 7", "2022-W10")]
    [InlineData("Earnings will be lower for the last half of 2022.", "the last half of 2022", "2022-H2")]
    [InlineData("Islam will one day be the second religion there.", "one day", "FUTURE_REF")]
    public void Deadlines_OpeningPhrases_WeeksOf_AndHalves(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("For the year, volume was flat.", "the year", "2022", TimexType.Date)]
    [InlineData("Revenue was $76 million for the year ended March 31.", "the year", "P1Y", TimexType.Duration)]
    [InlineData("It plans to cut 6,000 jobs by the end of the year.", "the end of the year", "2022", TimexType.Date)]
    [InlineData("The sale should close by year-end.", "year-end", "2022", TimexType.Date)]
    public void TheYear_IsTheReportsYearOrAYearsLength(string sentence, string text, string value, TimexType type)
    {
        var (found, t) = Times(sentence)[0];
        Assert.Equal((text, value, type), (found, t.Value, t.Type));
    }

    [Theory]
    [InlineData("Kidnappings have risen in recent years.", "recent years", "PXY")]
    [InlineData("Spending will be spread over the next three quarters.", "the next three quarters", "P9M")]
    [InlineData("Troops may stay for at least 20 more years.", "20 more years", "P20Y")]
    [InlineData("Prices will not change for a couple of years.", "a couple of years", "P2Y")]
    [InlineData("The index fell eight trading days after the crash.", "eight trading days", "P8D")]
    public void Duration_KeepsItsUnitAndVagueness(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("Sales should rise in the current fiscal year.", "the current fiscal year", "2022")]
    [InlineData("Hate groups grew over the past year.", "the past year", "2021")]
    [InlineData("It may list its shares in the near future.", "the near future", "FUTURE_REF")]
    [InlineData("A decade ago, the army was Soviet-trained.", "A decade ago", "2012")]
    public void Relative_PeriodsAndReferences(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Theory]
    [InlineData("Turnout rose from 35 percent several years ago.", "several years ago", "PAST_REF")]
    [InlineData("The machines were removed a few years ago.", "a few years ago", "PAST_REF")]
    public void VagueAgo_IsAPastReference(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Fact]
    public void Quarter_IsTheOneBegunThisYearOrLastYear()
    {
        Assert.Equal("2021-Q3", Single("Sales fell in the third quarter.").Value);
        Assert.Equal("2022-Q1", Single("Sales fell in the first quarter.").Value);
    }

    [Theory]
    [InlineData("He may leave soon after the vote, officials said.", "soon")]
    [InlineData("About 200 demonstrators gathered.", null)]
    [InlineData("The New York office of Election Watch closed.", null)]
    [InlineData("The 22-year-old was detained.", null)]
    [InlineData("It was one of three-quarters of the votes.", null)]
    [InlineData("It won more than a quarter of the votes.", null)]
    [InlineData("Prices may rise, the minister said.", null)]
    [InlineData("The year before, profits doubled.", null)]
    public void NonTimes_AreNotTaken(string sentence, string? onlyTime)
    {
        var found = Times(sentence).Select(t => t.Text).ToList();
        Assert.Equal(onlyTime is null ? [] : [onlyTime], found);
    }

    // 2022-01-06 is a Thursday; the report last named Tuesday 4 January.
    [Theory]
    [InlineData("Shares rose on Tuesday, January 4, up 3% from the previous Friday.", "the previous Friday", "2021-12-31")]
    [InlineData("The strike began on Tuesday, January 4, and ended the following Monday.", "the following Monday", "2022-01-10")]
    public void PreviousOrFollowingWeekday_CountsFromTheDayLastNamed(string sentence, string text, string value)
    {
        Assert.Contains((text, value), Times(sentence).Select(t => (t.Text, t.T.Value)));
    }

    // TimeML: "later", "earlier" and a clock time count from the story's reference time (a day or part of one); "ago" from the report's.
    [Theory]
    [InlineData("Rebels landed on January 2. Two days later, police arrested 20 of them.", "Two days later", "2022-01-04")]
    [InlineData("The talks ended on December 30. A week earlier, the army had shelled the port.", "A week earlier", "2021-W51")]
    [InlineData("Rebels landed on January 2. Police arrested 20 of them three days ago.", "three days ago", "2022-01-03")]
    [InlineData("Clashes broke out on Monday night. At 11 p.m., police fired tear gas.", "11 p.m.", "2022-01-03T23:00")]
    [InlineData("Clashes broke out on January 2. Hours later, police fired tear gas.", "Hours later", "2022-01-02")]
    public void LaterEarlierAndClockTimes_CountFromTheDayLastNamed_AgoFromTheReport(string sentence, string text, string value)
    {
        Assert.Contains((text, value), Times(sentence).Select(t => (t.Text, t.T.Value)));
    }

    [Theory]
    [InlineData("The offer had been due to expire Friday.", "2021-12-31")] // a plan already past
    [InlineData("The offer had been scheduled to expire at midnight Friday.", "2021-12-31T24:00")]
    [InlineData("The offer is due to expire Friday.", "2022-01-07")]
    [InlineData("The hosts of the talks, which are meant to end by May, invited the rebels back.", "2022-05")] // the deadline's own clause
    [InlineData("By May, the rebels had left the talks.", "2021-05")] // a deadline opening the sentence takes its clause's tense
    public void Deadline_IsAheadUnlessItsClauseIsPast(string sentence, string value)
    {
        Assert.Equal(value, Single(sentence).Value);
    }

    [Theory]
    [InlineData("The day before last Tuesday's hearing, he met them.", "The day before last Tuesday", "2022-01-03")]
    [InlineData("They left the day after January 2.", "the day after January 2", "2022-01-03")]
    public void DayBeforeOrAfter_ANamedDay(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Fact]
    public void CoordinatedDay_TakesTheMonthOfTheFirst()
    {
        var found = Times("The summit is set for April 24 and 25.").Select(t => (t.Text, t.T.Value)).ToList();
        Assert.Equal([("April 24", "2022-04-24"), ("25", "2022-04-25")], found);
        // A number after a sentence-opening "and" has no date before it.
        Assert.Empty(Times("And 25 more were hurt."));
        // After "to", a number is a count, not a day.
        Assert.Equal([("January 3", "2022-01-03")], Times("Sales rose on January 3 to 15 million.").Select(t => (t.Text, t.T.Value)));
    }

    [Theory]
    [InlineData("The company's 2020 operating results were restated.", "2020")]
    [InlineData("Kopp's 1987 Chevrolet was found abandoned.", null)] // a model year
    public void YearAfterPossessive_IsAYearUnlessAProductFollows(string sentence, string? value)
    {
        Assert.Equal(value is null ? [] : [value], Times(sentence).Select(t => t.T.Value));
    }

    [Theory]
    [InlineData("He said on CBS's ``60 Minutes'' that he would stay.")]
    [InlineData("He said on CBS's ''60 Minutes.''")]
    [InlineData("Speaking on ABC's \"This Week,\" he said little.")]
    [InlineData("It was like a scene from the film High Noon.")]
    public void TitlesInQuotesAndHighNoon_AreNoTimes(string sentence)
    {
        Assert.Empty(Times(sentence));
    }

    [Fact]
    public void YearEarlier_InAReportOnAQuarter_IsThatQuarterUnlessTheSentenceIsAboutALongerStretch()
    {
        var found = Times("Profit rose in the third quarter from a year earlier. In the first nine months, net rose 5% from a year earlier.")
            .Select(t => (t.Text, t.T.Value)).ToList();
        Assert.Equal([("the third quarter", "2021-Q3"), ("a year earlier", "2020-Q3"), ("the first nine months", found[2].Item2), ("a year earlier", "2021")], found);
    }

    [Theory]
    [InlineData("She is a 20th century democrat.", "20th century", "19")]
    [InlineData("They visited the fabled 11th century temple.", "11th century", "10")]
    public void Century_WithoutArticle(string sentence, string text, string value)
    {
        Assert.Equal((text, value), Single(sentence));
    }

    [Fact]
    public void FiscalQuarterToldInThePast_IsTheReferenceForAYearEarlier()
    {
        // Reported on 2 November 2021: a fiscal fourth quarter ended in September, told in the past.
        var found = Times("The company reported a decline in fourth-quarter earnings. It earned $45 million, compared with $84 million a year earlier.",
            new DateOnly(2021, 11, 2)).Select(t => t.T.Value).ToList();
        Assert.Equal(["2021-Q4", "2020-Q4"], found);
    }

    [Fact]
    public void PlannedEvent_IsAhead()
    {
        Assert.Equal("2022-01-08", Single("Protesters planned a large march on Saturday.").Value);
        Assert.Equal("2022-01-01", Single("Protesters marched on Saturday as planned.").Value);
    }

    [Fact]
    public void QuarterAYearAgo_IsOneExpression()
    {
        var found = Times("Profit rose in the third quarter. For the quarter a year ago, it fell.").Select(t => (t.Text, t.T.Value)).ToList();
        Assert.Equal([("the third quarter", "2021-Q3"), ("the quarter a year ago", "2020-Q3")], found);
    }

    [Fact]
    public void QuarterNotYetOver_IsNoReferenceForAYearEarlier()
    {
        // Reported on 2022-01-06: the fourth quarter of 2021 is over, the first of 2022 is not.
        var found = Times("Profit rose in the fourth quarter of 2021. Losses will last through the first quarter of 2022. In the year-ago period, it fell.")
            .Select(t => t.T.Value).ToList();
        Assert.Equal(["2021-Q4", "2022-Q1", "2020-Q4"], found);
    }

    [Theory]
    [InlineData("2022-01-06", "A high of $42 a share in June.", "2021-06")] // five months ahead or seven back: the past
    [InlineData("2022-01-06", "A high of $42 a share in April.", "2022-04")] // three months ahead: the nearest
    public void BareMonth_OfUnknownTense_LeansToThePastBeyondFourMonthsAhead(string reportDate, string sentence, string value)
    {
        Assert.Equal(value, Single(sentence, DateOnly.Parse(reportDate)).Value);
    }

    [Fact]
    public void Seed_TimesMatchTheReference()
    {
        var found = Times(Seed.Text()).Select(t => (t.Text, t.T.Value)).ToList();
        Assert.Contains(("January 6", "2022-01-06"), found);
        Assert.Contains(("the night of January 6", "2022-01-06TNI"), found);
        Assert.Contains(("the morning of January 6", "2022-01-06TMO"), found);
        Assert.Contains(("Earlier on the same day", "2022-01-06"), found);
        Assert.Contains(("January 2", "2022-01-02"), found);
    }
}
