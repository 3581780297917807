using Microsoft.Recognizers.Text; using Microsoft.Recognizers.Text.DateTime;
using Sitrep.Evaluation; using Sitrep.Documents;
// Scores Microsoft.Recognizers.Text.DateTime on TimeML gold the way `sitrep eval time` scores Sitrep's
// own resolver (relaxed overlap, value and type accuracy over the matches, value F1 = relaxed F1 x value accuracy).
// Not part of the solution: run it by hand to repeat the comparison in the project notes.
// usage: dotnet run -c Release --project bench/RecognizersComparison -- ../shared/data/timeml
int gold = 0, system = 0, strict = 0, relaxed = 0, valueRight = 0, typeRight = 0;
var model = new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel();
var sw = System.Diagnostics.Stopwatch.StartNew(); long chars = 0;
foreach (var f in Directory.EnumerateFiles(args[0], "*.tml", SearchOption.AllDirectories).Order()) {
  var doc = TimeMlReader.Read(f);
  var refDate = doc.CreationDate.ToDateTime(TimeOnly.MinValue);
  var results = model.Parse(doc.Text, refDate);
  chars += doc.Text.Length;
  var found = new List<(int S, int E, string V, string T)>();
  foreach (var r in results) {
    var values = r.Resolution?["values"] as IList<Dictionary<string, string>>;
    var first = values?.FirstOrDefault();
    string timex = first?.GetValueOrDefault("timex") ?? "";
    // Recognizers resolves ambiguity with two values (past, future): take the past one, as news reports the past.
    if (values is { Count: > 1 } && values[0].TryGetValue("value", out var v0) && values[1].TryGetValue("value", out var v1) && string.CompareOrdinal(v1, v0) < 0) timex = values[1]["timex"];
    string type = r.TypeName.Contains("duration") ? "DURATION" : r.TypeName.Contains("set") ? "SET" : r.TypeName.EndsWith(".time") ? "TIME" : "DATE";
    if (timex.StartsWith("XXXX-") && first?.GetValueOrDefault("value") is string val && val.Length >= 10) timex = val[..10];
    if (timex == "PRESENT_REF" || timex == "PAST_REF" || timex == "FUTURE_REF") { }
    found.Add((r.Start, r.End + 1, timex, type));
  }
  system += found.Count; gold += doc.Timexes.Count;
  var used = new bool[found.Count];
  foreach (var g in doc.Timexes) {
    int best = -1;
    for (int s = 0; s < found.Count; s++) if (!used[s] && g.Range.Start < found[s].E && found[s].S < g.Range.End) { best = s; break; }
    if (best < 0) continue; used[best] = true; relaxed++;
    if (found[best].S == g.Range.Start && found[best].E == g.Range.End) strict++;
    if (found[best].V == g.Value) valueRight++;
    if (found[best].T == g.Type) typeRight++;
  }
}
double P(int m, int n) => n == 0 ? 0 : (double)m / n;
double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
var rf = F(P(relaxed, system), P(relaxed, gold)); var sf = F(P(strict, system), P(strict, gold));
Console.WriteLine($"Recognizers: gold {gold} system {system} strict F1 {sf:F3} relaxed F1 {rf:F3} (P {P(relaxed, system):F3} R {P(relaxed, gold):F3}) type acc {P(typeRight, relaxed):F3} value acc {P(valueRight, relaxed):F3} value F1 {rf * P(valueRight, relaxed):F3}  {chars / sw.Elapsed.TotalSeconds / 6:N0} tokens/s approx");
