using System.Collections;
using System.Reflection;
using System.Text.Json;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans;
using Orleans.Serialization;

namespace Dispatch.Grains.Tests.Serialization;

/// <summary>
/// Every grain message and every grain state type crosses the wire with Orleans' own serializer and comes back equal.
/// In-process calls only copy, so a missing codec (a NodaTime value without its surrogate, a type without
/// [GenerateSerializer]) would otherwise show only between two silos.
/// </summary>
public sealed class WireTests
{
    private static readonly Assembly[] Assemblies = [typeof(CaseView).Assembly, typeof(CaseRecord).Assembly];

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b =>
        {
            foreach (var assembly in Assemblies) b.AddAssembly(assembly);
        })
        .BuildServiceProvider();

    private static readonly Serializer Wire = Services.GetRequiredService<Serializer>();
    private static readonly DeepCopier Copier = Services.GetRequiredService<DeepCopier>();
    private static readonly JsonSerializerOptions Json = DispatchJson.CreateOptions();

    /// <summary>Every type marked [GenerateSerializer] in the contract and the grains (messages, events, states).</summary>
    public static TheoryData<Type> SerializableTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.IsGenericTypeDefinition ? type.MakeGenericType(typeof(CaseView)) : type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SerializableTypes))]
    public void RoundTrip_EveryMessageAndStateType_ComesBackEqual(Type type)
    {
        var value = Samples.Of(type);

        var bytes = Wire.SerializeToArray<object>(value);
        var back = Wire.Deserialize<object>(bytes);
        var copy = Copier.Copy<object>(value);

        Assert.IsType(type, back);
        Assert.Equal(JsonSerializer.Serialize(value, type, Json), JsonSerializer.Serialize(back, type, Json));
        Assert.Equal(JsonSerializer.Serialize(value, type, Json), JsonSerializer.Serialize(copy, type, Json));
    }

    [Fact]
    public void RoundTrip_NodaTimeExtremes_Exact()
    {
        Instant[] instants = [Instant.MinValue, Instant.MaxValue, NodaConstants.UnixEpoch - Duration.FromNanoseconds(1),
            Instant.FromUtc(2026, 11, 23, 1, 0) + Duration.FromNanoseconds(123_456_789)];
        foreach (var instant in instants) Assert.Equal(instant, Wire.Deserialize<Instant>(Wire.SerializeToArray(instant)));
        Duration[] durations = [Duration.MinValue, Duration.MaxValue, -Duration.FromNanoseconds(1), Duration.FromMinutes(15)];
        foreach (var duration in durations) Assert.Equal(duration, Wire.Deserialize<Duration>(Wire.SerializeToArray(duration)));
        LocalDate[] dates = [new(2026, 2, 28), new(-9998, 1, 1), new(9999, 12, 31)];
        foreach (var date in dates) Assert.Equal(date, Wire.Deserialize<LocalDate>(Wire.SerializeToArray(date)));
    }

    /// <summary>Every parameter and result of every grain method has a codec.</summary>
    [Fact]
    public void GrainMethods_EveryParameterAndResultType_IsSerializable()
    {
        var missing = new List<string>();
        var interfaces = typeof(ICaseGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t));
        foreach (var method in interfaces.SelectMany(i => i.GetMethods()))
        {
            var types = method.GetParameters().Select(p => p.ParameterType).ToList();
            if (method.ReturnType.IsGenericType) types.AddRange(method.ReturnType.GetGenericArguments());
            foreach (var type in types.Where(t => !Wire.CanSerialize(t)))
            {
                missing.Add($"{method.DeclaringType!.Name}.{method.Name}: {type}");
            }
        }
        Assert.Empty(missing);
    }

    /// <summary>Builds a value of a type with every member filled in, recursing into records, lists and dictionaries.</summary>
    private static class Samples
    {
        public static object Of(Type type) => Make(type, 0)!;

        private static object? Make(Type type, int depth)
        {
            if (Nullable.GetUnderlyingType(type) is { } inner) return Make(inner, depth);
            if (type == typeof(string)) return "样本-" + depth;
            if (type == typeof(int)) return 7 + depth;
            if (type == typeof(long)) return 70L + depth;
            if (type == typeof(double)) return 0.75;
            if (type == typeof(bool)) return true;
            if (type == typeof(Instant)) return Instant.FromUtc(2026, 11, 23, 1, 0) + Duration.FromMilliseconds(depth + 1);
            if (type == typeof(Duration)) return Duration.FromMinutes(15 + depth);
            if (type == typeof(LocalDate)) return new LocalDate(2026, 11, 23).PlusDays(depth);
            if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
            if (depth > 4) return null;
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IReadOnlyCollection<>)))
            {
                var element = type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(Make(element, depth + 1));
                return list;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(HashSet<>))
            {
                var set = Activator.CreateInstance(type)!;
                type.GetMethod(nameof(HashSet<int>.Add))!.Invoke(set, [Make(type.GetGenericArguments()[0], depth + 1)]);
                return set;
            }
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>)))
            {
                var args = type.GetGenericArguments();
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                dictionary.Add(Make(args[0], depth + 1)!, Make(args[1], depth + 1));
                return dictionary;
            }
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var value = constructor.Invoke(constructor.GetParameters().Select(p => Make(p.ParameterType, depth + 1)).ToArray());
            foreach (var property in type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
            {
                if (constructor.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
                property.SetValue(value, Make(property.PropertyType, depth + 1));
            }
            return value;
        }
    }
}
