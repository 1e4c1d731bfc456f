namespace Dispatch.Runtime;

/// <summary>Hands out grain references: cheap proxies, valid forever, that activate the grain on first call.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// A reference to the grain of interface <typeparamref name="TGrainInterface"/> with <paramref name="key"/>.
    /// Throws <see cref="UnknownGrainInterfaceException"/> when no grain class implements the interface.
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
