using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExpenseTracker.Benchmark;

/// <summary>The repository the benchmark runs from: where npm ci put DynamoDB Local.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "ExpenseTracker.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No ExpenseTracker.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }
}

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The last lines a child process wrote, to say why it failed.</summary>
public sealed class OutputTail
{
    private const int MaxLines = 40;

    private readonly Queue<string> lines = new();

    public void Follow(Process process)
    {
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (lines)
        {
            return new StringBuilder().AppendJoin('\n', lines).ToString();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > MaxLines)
            {
                lines.Dequeue();
            }
        }
    }
}
