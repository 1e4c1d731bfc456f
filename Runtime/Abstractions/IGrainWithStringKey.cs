namespace Dispatch.Runtime;

/// <summary>A grain identified by a string key, as in Orleans.</summary>
public interface IGrainWithStringKey : IGrain;
