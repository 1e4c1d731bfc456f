using System.Reflection;

namespace Dispatch.Runtime.Core;

/// <summary>How to call one grain interface method and shape its result for the caller.</summary>
internal abstract class MethodEntry
{
    protected MethodEntry(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType?.Name}.{method.Name}";
        Interleaves = method.IsDefined(typeof(AlwaysInterleaveAttribute), true) || method.IsDefined(typeof(ReadOnlyAttribute), true);
    }

    public MethodInfo Method { get; }

    /// <summary>"IInterface.Method", for errors and telemetry.</summary>
    public string Name { get; }

    /// <summary>Marked [AlwaysInterleave] or [ReadOnly].</summary>
    public bool Interleaves { get; }

    /// <summary>Builds the message for one call.</summary>
    public abstract Message CreateMessage(GrainId target, object?[] args, CallChain? chain, bool interleave, long deadline);

    /// <summary>
    /// The same call with every argument passed through JSON and back (<see cref="Hosting.SiloOptions.SerializeMessages"/>),
    /// as it would be between silos; throws <see cref="NotSupportedException"/> naming the method and the type that
    /// does not survive the trip.
    /// </summary>
    public abstract Message CreateSerializedMessage(GrainId target, object?[] args, CallChain? chain, bool interleave, long deadline,
        System.Text.Json.JsonSerializerOptions json);

    protected object? RoundTrip(object? value, Type type, System.Text.Json.JsonSerializerOptions json, string what)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(System.Text.Json.JsonSerializer.Serialize(value, type, json), type, json);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new NotSupportedException($"{Name}: the {what} of type {type.Name} is not serializable: {error.Message}", error);
        }
    }

    /// <summary>What the proxy returns to the caller: the message's task shaped as the method's return type.</summary>
    public abstract object ShapeResult(Message message, GrainRuntime runtime);

    public static MethodEntry Create(MethodInfo method)
    {
        var rt = method.ReturnType;
        Type resultType;
        ReturnKind kind;
        if (rt == typeof(Task)) { resultType = typeof(object); kind = ReturnKind.Task; }
        else if (rt == typeof(ValueTask)) { resultType = typeof(object); kind = ReturnKind.ValueTask; }
        else if (rt.IsGenericType && rt.GetGenericTypeDefinition() == typeof(Task<>)) { resultType = rt.GetGenericArguments()[0]; kind = ReturnKind.TaskOfT; }
        else if (rt.IsGenericType && rt.GetGenericTypeDefinition() == typeof(ValueTask<>)) { resultType = rt.GetGenericArguments()[0]; kind = ReturnKind.ValueTaskOfT; }
        else
        {
            throw new NotSupportedException(
                $"Grain method {method.DeclaringType?.FullName}.{method.Name} returns {rt.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }
        return (MethodEntry)Activator.CreateInstance(typeof(MethodEntry<>).MakeGenericType(resultType), method, kind)!;
    }
}

internal enum ReturnKind { Task, TaskOfT, ValueTask, ValueTaskOfT }

internal sealed class MethodEntry<T>(MethodInfo method, ReturnKind kind) : MethodEntry(method)
{
    public override Message CreateMessage(GrainId target, object?[] args, CallChain? chain, bool interleave, long deadline)
        => new Message<T>(target, this, chain, interleave, deadline, (grain, _) => InvokeAsync(grain, args));

    public override Message CreateSerializedMessage(GrainId target, object?[] args, CallChain? chain, bool interleave, long deadline,
        System.Text.Json.JsonSerializerOptions json)
    {
        var parameters = Method.GetParameters();
        var copies = new object?[args.Length];
        for (var i = 0; i < args.Length; i++) copies[i] = RoundTrip(args[i], parameters[i].ParameterType, json, $"argument '{parameters[i].Name}'");
        return new Message<T>(target, this, chain, interleave, deadline, async (grain, _) =>
        {
            var result = await InvokeAsync(grain, copies);
            return kind is ReturnKind.Task or ReturnKind.ValueTask ? result : (T)RoundTrip(result, typeof(T), json, "result")!;
        });
    }

    private Task<T> InvokeAsync(object grain, object?[] args)
    {
        var result = Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null);
        return kind switch
        {
            ReturnKind.TaskOfT => (Task<T>)result!,
            ReturnKind.ValueTaskOfT => ((ValueTask<T>)result!).AsTask(),
            ReturnKind.Task => Complete((Task)result!),
            _ => Complete(((ValueTask)result!).AsTask()),
        };
    }

    private static async Task<T> Complete(Task task)
    {
        await task;
        return default!;
    }

    public override object ShapeResult(Message message, GrainRuntime runtime)
    {
        var task = ((Message<T>)message).Task;
        return kind switch
        {
            ReturnKind.TaskOfT or ReturnKind.Task => task,
            ReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            _ => new ValueTask(task),
        };
    }
}
