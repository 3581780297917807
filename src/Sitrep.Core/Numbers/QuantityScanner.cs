using System.Globalization;
using Sitrep.Documents;

namespace Sitrep.Numbers;

/// <summary>
/// Finds the quantities of one sentence: a qualifier ("about", "more than"), a number (digits,
/// number words, scales, vague amounts such as "dozens"), an optional range ("10 to 15"), the
/// counted noun and a currency. Days, years, times, ages, ordinals, phone numbers and numbers
/// inside names ("Khabar 24") are not counts and are skipped.
/// </summary>
internal ref struct QuantityScanner
{
    private readonly string _text;
    private readonly ReadOnlySpan<Token> _tokens;
    private readonly List<Quantity> _found;

    private QuantityScanner(string text, ReadOnlySpan<Token> sentenceTokens, List<Quantity> found)
    {
        _text = text;
        _tokens = sentenceTokens;
        _found = found;
    }

    /// <summary>Appends the quantities among <paramref name="sentenceTokens"/> to <paramref name="found"/>.</summary>
    public static void Scan(string text, ReadOnlySpan<Token> sentenceTokens, List<Quantity> found) =>
        new QuantityScanner(text, sentenceTokens, found).Run();

    /// <summary>A number as read, before qualifiers and units.</summary>
    private readonly record struct Core(double Value, double? VagueMax, bool Vague, string? Currency, bool Percent, int NumberStart, int End, bool Digits);

    private void Run()
    {
        int sentenceFirstQuantity = _found.Count;
        int i = 0;
        while (i < _tokens.Length)
        {
            int end = TryQuantityAt(i, sentenceFirstQuantity);
            i = end > i ? end : i + 1;
        }
    }

    // Returns the token index after the quantity found at `start`, or `start` when there is none.
    private int TryQuantityAt(int start, int sentenceFirstQuantity)
    {
        if (!CanStart(start)) return start;
        var qualifier = QuantityQualifier.Exact;
        bool between = false;
        int numberAt = start;
        if (Is(start, "between"))
        {
            between = true;
            numberAt = start + 1;
        }
        else if (MatchQualifier(start, out var q, out int afterQualifier))
        {
            qualifier = q;
            numberAt = afterQualifier;
        }

        if (ParseCore(numberAt) is not { } core) return start;
        if (IsNotACount(start, core)) return core.End;

        double? min = null, max = null;
        int end = core.End;
        if (!core.Vague && !IsFromPhrase(start) && IsRangeWord(end, between) && ParseCore(end + 1) is { Vague: false } upper)
        {
            // "1.5 to 2 million": the lower bound shares the upper bound's scale.
            bool sharedScale = IsScale(upper.End - 1) && !IsScale(core.End - 1);
            min = sharedScale && NumberLexicon.Scales.TryGetValue(Word(upper.End - 1), out double scale) ? core.Value * scale : core.Value;
            max = upper.Value;
            end = upper.End;
            core = core with { Currency = core.Currency ?? upper.Currency };
        }
        else if (between)
        {
            return start; // "between 10" without its upper bound: leave it to the next position
        }

        string? currency = core.Currency;
        int spanEnd = end;
        if (currency is null && end < _tokens.Length && NumberLexicon.CurrencyWords.TryGetValue(Word(end), out var named))
        {
            currency = named;
            spanEnd = end + 1;
        }

        string? unit = core.Percent ? "%" : currency is null ? ReadUnit(spanEnd, core.Vague) : null;
        Quantity? conversion = null;
        int after = spanEnd;
        if (TryConversion(spanEnd, out var converted, out int afterConversion))
        {
            conversion = converted;
            after = afterConversion;
            if (currency is null && unit is null) currency = InheritedCurrency(start, sentenceFirstQuantity);
        }
        else if (currency is null && unit is null)
        {
            currency = InheritedCurrency(start, sentenceFirstQuantity);
        }

        var range = new TextRange(_tokens[start].Start, _tokens[spanEnd - 1].End);
        _found.Add(Build(range, core, qualifier, min, max, unit, currency, conversion));
        return after;
    }

    private static Quantity Build(TextRange range, Core core, QuantityQualifier qualifier, double? min, double? max,
        string? unit, string? currency, Quantity? conversion)
    {
        if (min is not null)
            return new Quantity(range, null, min, max, qualifier, unit, currency, conversion);
        if (core.Vague)
            return new Quantity(range, null, core.Value, core.VagueMax, QuantityQualifier.Vague, unit, currency, conversion);
        double v = core.Value;
        return qualifier switch
        {
            QuantityQualifier.Exact => new Quantity(range, v, v, v, qualifier, unit, currency, conversion),
            QuantityQualifier.Approximately => new Quantity(range, v, null, null, qualifier, unit, currency, conversion),
            QuantityQualifier.Almost => new Quantity(range, v, null, v, qualifier, unit, currency, conversion),
            QuantityQualifier.MoreThan or QuantityQualifier.AtLeast => new Quantity(range, null, v, null, qualifier, unit, currency, conversion),
            _ => new Quantity(range, null, null, v, qualifier, unit, currency, conversion),
        };
    }

    private readonly bool CanStart(int i) => _tokens[i].Kind switch
    {
        TokenKind.Number or TokenKind.Symbol => true,
        TokenKind.Word or TokenKind.Abbreviation => NumberLexicon.Starters.Contains(Word(i)) || TryUnits(Word(i), out _),
        _ => false,
    };

    private bool MatchQualifier(int i, out QuantityQualifier qualifier, out int after)
    {
        foreach (var (words, q) in NumberLexicon.Qualifiers)
        {
            if (i + words.Length > _tokens.Length) continue;
            bool match = true;
            for (int w = 0; w < words.Length && match; w++) match = Is(i + w, words[w]);
            if (!match) continue;
            qualifier = q;
            after = i + words.Length;
            return true;
        }
        qualifier = QuantityQualifier.Exact;
        after = i;
        return false;
    }

    private Core? ParseCore(int i)
    {
        if (i >= _tokens.Length) return null;
        string? currency = null;
        int numberStart = i;
        if (Is(i, "US") && i + 1 < _tokens.Length && Is(i + 1, "$")) i++;
        if (_tokens[i].Kind == TokenKind.Symbol && NumberLexicon.CurrencySymbols.TryGetValue(Word(i), out var symbol)
            && i + 1 < _tokens.Length && _tokens[i + 1].Kind == TokenKind.Number)
        {
            currency = symbol;
            i++;
        }
        if (_tokens[i].Kind == TokenKind.Number) return ParseDigits(i, numberStart, currency);
        if (_tokens[i].Kind == TokenKind.Word) return ParseWords(i, numberStart);
        return null;
    }

    private Core? ParseDigits(int i, int numberStart, string? currency)
    {
        var s = Word(i);
        if (s.ContainsAny(':', '/') || s.Contains('-')) return null; // times, fractions, dates
        bool percent = s[^1] == '%';
        if (percent) s = s[..^1];
        if (s.Length > 1 && s[0] == '0' && !s.Contains('.')) return null; // "0100": codes and phone numbers
        Span<char> digits = stackalloc char[s.Length];
        int n = 0;
        foreach (char c in s) if (c != ',') digits[n++] = c;
        if (!double.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)) return null;
        int end = i + 1;
        if (!percent && end < _tokens.Length && NumberLexicon.Scales.TryGetValue(Word(end), out double scale))
        {
            value *= scale;
            end++;
        }
        if (!percent && Is(end, "percent"))
        {
            percent = true;
            end++;
        }
        return new Core(value, null, false, currency, percent, numberStart, end, true);
    }

    private Core? ParseWords(int i, int numberStart)
    {
        // Vague amounts: "dozens", "hundreds of thousands", "several", "a few", "a handful".
        if (NumberLexicon.VagueAmounts.TryGetValue(Word(i), out double least))
        {
            int end = i + 1;
            if (end + 1 < _tokens.Length && Is(end, "of") && NumberLexicon.VagueAmounts.TryGetValue(Word(end + 1), out double outer)
                && outer >= 1000)
            {
                least *= outer / 2; // "tens of thousands": 20 × 1,000
                end += 2;
            }
            return new Core(least, null, true, null, false, numberStart, end, false);
        }
        bool article = Is(i, "a") || Is(i, "an");
        int w = article ? i + 1 : i;
        if (w < _tokens.Length && NumberLexicon.VagueDeterminers.TryGetValue(Word(w), out var range))
        {
            bool few = Is(w, "few") || Is(w, "handful");
            if (few && !article) return null; // "few people" means not many
            int end = w + 1;
            if (end < _tokens.Length && NumberLexicon.Scales.TryGetValue(Word(end), out double scale))
                return new Core(range.Min * scale, null, true, null, false, numberStart, end + 1, false);
            if (end < _tokens.Length && Is(end, "dozen"))
                return new Core(range.Min * 12, null, true, null, false, numberStart, end + 1, false);
            return new Core(range.Min, double.IsNaN(range.Max) ? null : range.Max, true, null, false, numberStart, end, false);
        }
        if (article && !(w < _tokens.Length && (NumberLexicon.Scales.TryGetValue(Word(w), out _) || Is(w, "dozen"))))
            return null;

        // Number words: "seventeen", "twenty-five", "two hundred and fifty thousand", "a thousand".
        double total = 0, current = 0;
        bool any = false;
        int j = article ? w : i;
        if (article) current = 1;
        while (j < _tokens.Length)
        {
            var word = Word(j);
            if (Is(j, "dozen"))
            {
                current = Math.Max(current, 1) * 12; // "a dozen", "two dozen"
                any = true;
                j++;
            }
            else if (TryUnits(word, out int units))
            {
                current += units;
                any = true;
                j++;
            }
            else if (NumberLexicon.Scales.TryGetValue(word, out double scale) && (any || article))
            {
                if (scale == 100) current = Math.Max(current, 1) * 100;
                else
                {
                    total += Math.Max(current, 1) * scale;
                    current = 0;
                }
                any = true;
                j++;
            }
            else if (any && Is(j, "and") && j + 1 < _tokens.Length && TryUnits(Word(j + 1), out _) && total + current >= 100)
            {
                j++;
            }
            else
            {
                break;
            }
        }
        if (!any) return null;
        if (j == i + 1 && Is(i, "one") && j < _tokens.Length && Is(j, "of")) return null; // "one of the centres"
        return new Core(total + current, null, false, null, false, numberStart, j, false);
    }

    private static bool TryUnits(ReadOnlySpan<char> word, out int value)
    {
        if (NumberLexicon.Units.TryGetValue(word, out value)) return true;
        int hyphen = word.IndexOf('-');
        if (hyphen > 0 && NumberLexicon.Units.TryGetValue(word[..hyphen], out int tens) && tens is >= 20 and <= 90
            && NumberLexicon.Units.TryGetValue(word[(hyphen + 1)..], out int ones) && ones is >= 1 and <= 9)
        {
            value = tens + ones;
            return true;
        }
        value = 0;
        return false;
    }

    // Days and years beside a month, bare years, times of day, ages, parts of names, phone numbers.
    private bool IsNotACount(int start, Core core)
    {
        int before = start - 1, after = core.End;
        if (before >= 0 && IsMonth(before)) return true;
        if (after < _tokens.Length && IsMonth(after)) return true;
        if (after < _tokens.Length && NumberLexicon.TimeOfDayMarkers.Contains(Word(after))) return true;
        // "+7 701 555 0100": numbers in a row are a phone number or a code.
        if ((before >= 0 && _tokens[before].Kind == TokenKind.Number) || (after < _tokens.Length && _tokens[after].Kind == TokenKind.Number)) return true;
        if (before >= 0 && (Is(before, "aged") || Is(before, "age") || Is(before, "No.") || Is(before, "number") || Is(before, "+"))) return true;
        if (after + 1 < _tokens.Length && (Is(after, "years") || Is(after, "year")) && Is(after + 1, "old")) return true;
        if (core.Digits && core.Currency is null && !core.Percent && IsYear(core)) return true;
        // "Khabar 24", "Resolution 2334": a number right after a capitalised word inside the sentence.
        if (core.Digits && before > 0 && _tokens[before].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[before].Start])) return true;
        return false;
    }

    private bool IsYear(Core core)
    {
        var s = Word(core.NumberStart);
        return s.Length == 4 && core.End == core.NumberStart + 1 && core.Value is >= 1800 and <= 2100
               && (core.End >= _tokens.Length || ReadUnit(core.End, vague: false) is null);
    }

    private bool IsMonth(int i) => NumberLexicon.Months.Contains(Word(i));

    private bool IsScale(int i) => i >= 0 && i < _tokens.Length && NumberLexicon.Scales.TryGetValue(Word(i), out _);

    private bool IsRangeWord(int i, bool between) =>
        i + 1 < _tokens.Length && (between ? Is(i, "and") : Is(i, "to") || Is(i, "-") || Is(i, "\u2013") || Is(i, "or"));

    // "from 60 tenge to 120": a change, not a range.
    private bool IsFromPhrase(int start) => start > 0 && Is(start - 1, "from");

    // The counted noun after a number: "200 demonstrators", "50 units of military equipment", "dozens of participants".
    private string? ReadUnit(int i, bool vague)
    {
        if (i < _tokens.Length && Is(i, "of") && vague) i++;
        for (int skipped = 0; skipped < 2 && i < _tokens.Length && NumberLexicon.Modifiers.Contains(Word(i)); skipped++) i++;
        if (i >= _tokens.Length || !IsNoun(i)) return null;
        int end = i + 1;
        if (NumberLexicon.Classifiers.Contains(Word(i)) && end + 1 < _tokens.Length && Is(end, "of") && IsNoun(end + 1))
        {
            end += 2;
            while (end < _tokens.Length && end < i + 5 && IsNoun(end)) end++;
        }
        return _text[_tokens[i].Start.._tokens[end - 1].End];
    }

    private bool IsNoun(int i)
    {
        var t = _tokens[i];
        if (t.Kind != TokenKind.Word || NumberLexicon.NotUnits.Contains(Word(i)) || IsMonth(i)) return false;
        if (NumberLexicon.Units.TryGetValue(Word(i), out _) || NumberLexicon.Scales.TryGetValue(Word(i), out _)) return false;
        char first = _text[t.Start];
        return char.IsLower(first) || (char.IsUpper(first) && _text[t.End - 1] == 's'); // "Palestinians"
    }

    // "(10 rubles)" right after a money amount: the same amount in another currency.
    private bool TryConversion(int i, out Quantity? conversion, out int after)
    {
        conversion = null;
        after = i;
        if (i + 2 >= _tokens.Length || !Is(i, "(")) return false;
        if (ParseCore(i + 1) is not { Vague: false } core) return false;
        int end = core.End;
        string? currency = core.Currency;
        if (currency is null && end < _tokens.Length && NumberLexicon.CurrencyWords.TryGetValue(Word(end), out var named))
        {
            currency = named;
            end++;
        }
        if (currency is null || end >= _tokens.Length || !Is(end, ")")) return false;
        var range = new TextRange(_tokens[i + 1].Start, _tokens[end - 1].End);
        conversion = new Quantity(range, core.Value, core.Value, core.Value, QuantityQualifier.Exact, null, currency);
        after = end + 1;
        return true;
    }

    // "from 60 tenge … to 120": a bare amount after "to" takes the currency of the amount it follows.
    private string? InheritedCurrency(int start, int sentenceFirstQuantity)
    {
        if (start == 0 || !Is(start - 1, "to") || _found.Count <= sentenceFirstQuantity) return null;
        return _found[^1].Currency;
    }

    private readonly ReadOnlySpan<char> Word(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private readonly bool Is(int i, string word) => i < _tokens.Length && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);
}
