using System.Reflection;
using System.Reflection.Emit;

namespace Sitrep.Tests.Architecture;

/// <summary>
/// Every type a type uses: in its signatures (base, interfaces, fields, properties, parameters, returns)
/// and in its method bodies (the types, methods and fields the IL names), generic arguments included.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> refers to (its nested types' references count as its own).</summary>
    public static HashSet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(found, i);
        foreach (var f in type.GetFields(Declared)) Add(found, f.FieldType);
        foreach (var p in type.GetProperties(Declared)) Add(found, p.PropertyType);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo mi) Add(found, mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(found, p.ParameterType);
            AddBody(found, m);
        }
        return found;
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null) return;
        if (type.HasElementType) { Add(found, type.GetElementType()); return; }
        if (type.IsGenericParameter || !found.Add(type)) return;
        if (type.IsGenericType) foreach (var a in type.GetGenericArguments()) Add(found, a);
    }

    private static void AddBody(HashSet<Type> found, MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il) return;
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE) value = (short)(0xFE00 | il[i++]);
            var op = OpCodesByValue[value];
            int size = OperandSize(op.OperandType, il, i);
            if (op.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (member is Type type) Add(found, type);
                else if (member is not null)
                {
                    Add(found, member.DeclaringType);
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                        foreach (var a in generic.GetGenericArguments()) Add(found, a);
                }
            }
            i += size;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
