using Dispatch.Grains.Domain;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Turns an exception from building or starting the silo into the one line printed before exiting.</summary>
public static class StartupFailure
{
    public static string Describe(Exception exception) => exception switch
    {
        SiloStartupException e => e.Message,
        StorageUnavailableException e => e.Message,
        OptionsValidationException e => $"Configuration: {string.Join(" ", e.Failures)}",
        DataFileException e => $"Data file invalid: {e.Message}",
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerException!),
        IOException e when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            $"Cannot listen: {e.Message} (set another address with --urls or the Urls setting)",
        _ => $"The silo failed to start: {exception.GetType().Name}: {exception.Message}",
    };
}
