using Dispatch.LoadTests.Commands;

return await DispatchLoadCli.Build().Parse(args).InvokeAsync();
