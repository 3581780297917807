using Sitrep.Documents;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Numbers;

public class QuantityStageTests
{
    private static List<(string Text, Quantity Q)> Quantities(string text)
    {
        var d = TestDocuments.Make(text, Layer.Quantities);
        return [.. d.Quantities.Select(q => (d.TextOf(q.Range), q))];
    }

    private static (string Text, Quantity Q) Single(string text) => Assert.Single(Quantities(text));

    [Theory]
    [InlineData("Police detained 1,000 people.", "1,000", 1000)]
    [InlineData("The fund lost 2.5 million dollars.", "2.5 million dollars", 2_500_000)]
    [InlineData("About 1.5 million people fled.", "About 1.5 million", 1_500_000)]
    [InlineData("Seventeen people died.", "Seventeen", 17)]
    [InlineData("They counted twenty-five bodies.", "twenty-five", 25)]
    [InlineData("It took two hundred and fifty soldiers.", "two hundred and fifty", 250)]
    [InlineData("Over a thousand people were injured.", "Over a thousand", 1000)]
    [InlineData("A dozen houses burned.", "A dozen", 12)]
    [InlineData("Two dozen houses burned.", "Two dozen", 24)]
    public void Number_IsRead(string sentence, string text, double value)
    {
        var (found, q) = Single(sentence);
        Assert.Equal(text, found);
        Assert.Equal(value, q.Value ?? q.Min);
    }

    [Theory]
    [InlineData("about 200 demonstrators", QuantityQualifier.Approximately, 200.0, null, null)]
    [InlineData("around 30 people", QuantityQualifier.Approximately, 30.0, null, null)]
    [InlineData("nearly 80 people", QuantityQualifier.Almost, 80.0, null, 80.0)]
    [InlineData("almost 400 people", QuantityQualifier.Almost, 400.0, null, 400.0)]
    [InlineData("over 300 people", QuantityQualifier.MoreThan, null, 300.0, null)]
    [InlineData("more than 10 doctors", QuantityQualifier.MoreThan, null, 10.0, null)]
    [InlineData("at least 56 civilians", QuantityQualifier.AtLeast, null, 56.0, null)]
    [InlineData("up to 30 people", QuantityQualifier.AtMost, null, null, 30.0)]
    [InlineData("fewer than 10 people", QuantityQualifier.LessThan, null, null, 10.0)]
    [InlineData("13 people", QuantityQualifier.Exact, 13.0, 13.0, 13.0)]
    public void Qualifier_IsMappedToTheVocabulary(string phrase, QuantityQualifier qualifier, double? value, double? min, double? max)
    {
        var (_, q) = Single($"Officials said {phrase} were there.");
        Assert.Equal(qualifier, q.Qualifier);
        Assert.Equal(value, q.Value);
        Assert.Equal(min, q.Min);
        Assert.Equal(max, q.Max);
    }

    [Theory]
    [InlineData("Dozens of people were hurt.", "Dozens", 24)]
    [InlineData("Hundreds of people marched.", "Hundreds", 200)]
    [InlineData("Scores of people were hurt.", "Scores", 40)]
    [InlineData("Several people were hurt.", "Several", 3)]
    [InlineData("Tens of thousands of people marched.", "Tens of thousands", 20_000)]
    [InlineData("Hundreds of thousands of people fled.", "Hundreds of thousands", 200_000)]
    [InlineData("A few people were hurt.", "A few", 2)]
    [InlineData("Several hundred people were hurt.", "Several hundred", 300)]
    public void VagueAmount_KeepsItsLeastValueAndNoExactValue(string sentence, string text, double min)
    {
        var (found, q) = Single(sentence);
        Assert.Equal(text, found);
        Assert.Equal(QuantityQualifier.Vague, q.Qualifier);
        Assert.Null(q.Value);
        Assert.Equal(min, q.Min);
        Assert.Equal("people", q.Unit);
    }

    [Theory]
    [InlineData("Between 10 and 15 people died.", "Between 10 and 15", 10, 15)]
    [InlineData("Police said 10 to 15 people died.", "10 to 15", 10, 15)]
    [InlineData("Police said 10-15 people died.", "10-15", 10, 15)]
    [InlineData("Police said two or three people died.", "two or three", 2, 3)]
    [InlineData("It would cost 1.5 to 2 million dollars.", "1.5 to 2 million dollars", 1_500_000, 2_000_000)]
    public void Range_HasMinAndMax(string sentence, string text, double min, double max)
    {
        var (found, q) = Single(sentence);
        Assert.Equal(text, found);
        Assert.Equal(min, q.Min);
        Assert.Equal(max, q.Max);
        Assert.Null(q.Value);
    }

    [Theory]
    [InlineData("Police said about 200 demonstrators gathered.", "demonstrators")]
    [InlineData("It was about 50 units of military equipment.", "units of military equipment")]
    [InlineData("Dozens of participants in the riots were eliminated.", "participants")]
    [InlineData("Gunmen surrounded two large hospitals.", "hospitals")]
    [InlineData("The army said 200 armed men attacked.", "men")]
    [InlineData("Police said 13 Palestinians were hurt.", "Palestinians")]
    public void Unit_IsTheCountedNoun(string sentence, string unit)
    {
        Assert.Equal(unit, Single(sentence).Q.Unit);
    }

    [Fact]
    public void Unit_AfterVerb_IsEmpty()
    {
        Assert.Null(Single("Of these, 62 are in intensive care.").Q.Unit);
        Assert.Null(Single("The death toll rose to 13, officials said.").Q.Unit);
    }

    [Fact]
    public void Money_TakesCurrencyAndLinksItsConversion()
    {
        var found = Quantities("Fuel has risen in price from 60 tenge (10 rubles) to 120 (20 rubles) per liter.");
        Assert.Equal(2, found.Count);
        var (text, before) = found[0];
        Assert.Equal("60 tenge", text);
        Assert.Equal((60.0, "KZT"), (before.Value!.Value, before.Currency));
        Assert.Equal((10.0, "RUB"), (before.Conversion!.Value!.Value, before.Conversion.Currency));
        var after = found[1].Q;
        Assert.Equal((120.0, "KZT"), (after.Value!.Value, after.Currency));
        Assert.Equal("RUB", after.Conversion!.Currency);
    }

    [Theory]
    [InlineData("The bill is $5.2 billion.", 5_200_000_000, "USD")]
    [InlineData("It cost €30 in the shop.", 30, "EUR")]
    [InlineData("It cost US$45 in the shop.", 45, "USD")]
    [InlineData("Each family got 500 hryvnias.", 500, "UAH")]
    public void Money_SymbolOrName_GivesIsoCurrency(string sentence, double value, string currency)
    {
        var q = Single(sentence).Q;
        Assert.Equal(value, q.Value);
        Assert.Equal(currency, q.Currency);
    }

    [Fact]
    public void Percentage_IsAMeasureInPercent()
    {
        var q = Single("Turnout fell to 12% on Sunday.").Q;
        Assert.Equal(12, q.Value);
        Assert.Equal("%", q.Unit);
    }

    [Theory]
    [InlineData("The protests began on January 2.")]
    [InlineData("The attack happened on 6 Jan 2022.")]
    [InlineData("A truck bomb in 2017 was worse.")]
    [InlineData("The curfew starts at 9:30 every night.")]
    [InlineData("The curfew starts at 10 p.m. every night.")]
    [InlineData("The victim, aged 22, was a student.")]
    [InlineData("The victim was 22 years old.")]
    [InlineData("A 22-year-old student was arrested.")]
    [InlineData("It was the 10th day of protests.")]
    [InlineData("It was the third day of protests.")]
    [InlineData("Call +7 701 555 0100 for help.")]
    [InlineData("It was reported by the Khabar 24 TV channel.")]
    [InlineData("The vote on Resolution 2334 passed.")]
    [InlineData("Aktau is one of the centers of the protests.")]
    [InlineData("Few people came.")]
    public void NotACount_IsSkipped(string sentence)
    {
        Assert.Empty(Quantities(sentence));
    }

    [Fact]
    public void Seed_QuantitiesMatchTheReference()
    {
        var d = TestDocuments.Make(Seed.Text(), Layer.Quantities);
        var byText = d.Quantities.GroupBy(q => d.TextOf(q.Range)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Assert.Equal(13, byText["13"].Value);
        Assert.Equal(QuantityQualifier.Approximately, byText["about 50"].Qualifier);
        Assert.Equal("demonstrators", byText["about 200"].Unit);
        Assert.Equal(24, byText["dozens"].Min);
        Assert.Equal(1000, byText["over a thousand"].Min);
        Assert.Equal(400, byText["almost 400"].Max);
        Assert.Equal(62, byText["62"].Value);
        Assert.Equal(10, byText["more than 10"].Min);
        Assert.Equal("KZT", byText["60 tenge"].Currency);
        Assert.Equal("KZT", byText["120"].Currency);
        Assert.DoesNotContain("24", byText.Keys);
        Assert.DoesNotContain("6", byText.Keys);
    }
}
