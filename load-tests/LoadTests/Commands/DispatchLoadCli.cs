using System.CommandLine;

namespace Dispatch.LoadTests.Commands;

/// <summary>The dispatch-load command line: every scenario is a subcommand.</summary>
public static class DispatchLoadCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Dispatch load tests: runtime benchmark, citywide surge simulator, read-model seed and query timings.");
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SurgeCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(QueriesCommand.Create());
        return root;
    }
}
