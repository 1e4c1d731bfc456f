using System.Net;
using System.Net.Sockets;

namespace Dispatch.Testing;

/// <summary>Loopback ports nobody listens on now, for the silo and gateway ports of test silos.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    /// <summary>A port the operating system just handed out and that this process has not handed out before.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port)) return port;
            }
        }
    }
}
