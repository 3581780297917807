using System.Reflection;
using Sitrep.Documents;

namespace Sitrep.Tests.Architecture;

/// <summary>The engine's structure: what Sitrep.Core may depend on, and namespaces that depend on each other one way only.</summary>
public class LayeringTests
{
    private static readonly Assembly Core = typeof(Document).Assembly;

    [Fact]
    public void TheCore_ReferencesNoDatabaseParquetOrHttpPackage()
    {
        var forbidden = new[] { "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Npgsql", "Parquet", "Microsoft.AspNetCore" };
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => forbidden.Any(name.StartsWith));
        Assert.Equal("Sitrep.Core", Core.GetName().Name);
    }

    [Fact]
    public void TheCoresNamespaces_FormNoCycle()
    {
        var uses = NamespaceGraph(Core);
        var cycles = StronglyConnected(uses).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => Describe(c, uses))));
    }

    [Fact]
    public void TheCycleCheck_FindsACycle_WhereTwoNamespacesUseEachOther()
    {
        var uses = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "A.X -> B.Y" },
            ["B"] = new() { ["C"] = "B.Y -> C.Z" },
            ["C"] = new() { ["A"] = "C.Z -> A.X" },
            ["D"] = new() { ["A"] = "D.W -> A.X" },
        };
        var cycle = Assert.Single(StronglyConnected(uses), c => c.Count > 1);
        Assert.Equal(["A", "B", "C"], cycle.Order(StringComparer.Ordinal));
    }

    /// <summary>For each namespace of <paramref name="assembly"/>, the others of it that it uses, each with one example.</summary>
    private static Dictionary<string, Dictionary<string, string>> NamespaceGraph(Assembly assembly)
    {
        var uses = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from is null) continue;
            foreach (var used in TypeReferences.Of(type))
            {
                if (used.Assembly != assembly || used.Namespace is not { } to || to == from) continue;
                var edges = uses.TryGetValue(from, out var e) ? e : uses[from] = [];
                edges.TryAdd(to, $"{type.FullName} uses {used.FullName}");
            }
        }
        return uses;
    }

    /// <summary>Tarjan's strongly connected components of the graph.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.TryGetValue(v, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do { popped = stack.Pop(); component.Add(popped); } while (popped != v);
            components.Add(component);
        }
        foreach (var v in graph.Keys.ToList()) if (!index.ContainsKey(v)) Visit(v);
        return components;
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> uses) =>
        "namespaces that use each other: " + string.Join("; ", cycle.SelectMany(a => cycle
            .Where(b => uses.TryGetValue(a, out var e) && e.ContainsKey(b))
            .Select(b => uses[a][b])));
}
