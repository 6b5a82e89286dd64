using Microsoft.Playwright;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// Everything that went wrong in a browser context while a journey ran: console errors, uncaught page errors,
/// requests that failed, 5xx answers, 4xx answers the journey did not expect, and Content Security Policy violations.
/// </summary>
public sealed class PageProblems
{
    // Chromium echoes every 4xx/5xx answer as this console error; the answers themselves are judged below instead,
    // so that a journey can expect a 422 without hiding a real script error.
    private const string StatusEcho = "Failed to load resource: the server responded with a status of";

    private readonly List<string> problems = [];
    private readonly List<(int Status, string Path)> expectedStatuses = [];

    private volatile bool offline;

    /// <summary>While a journey has cut the network, requests that fail for it (and Chromium's console echo of them) are what it expects.</summary>
    public bool Offline
    {
        get => offline;
        set => offline = value;
    }

    public PageProblems(IBrowserContext context)
    {
        context.Console += (_, message) => OnConsole(message);
        context.WebError += (_, error) => Add($"page error: {error.Error}");
        context.RequestFailed += (_, request) =>
        {
            // A navigation through the service worker is fetched with redirect "manual": the worker hands the redirect
            // back to the page unfollowed, and Chromium reports the redirect's target as an aborted request of the
            // worker's. The page then loads that target with a request of its own, which is judged like any other.
            var leftBehind = request.Failure == "net::ERR_ABORTED" && request.RedirectedFrom is not null;
            if (!offline && !leftBehind)
            {
                Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        context.Response += (_, response) => OnResponse(response);
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>Lets a journey receive this client-error status from a path starting with <paramref name="path"/> (such as a 422 for a form with errors).</summary>
    public void Expect(int status, string path)
    {
        lock (problems)
        {
            expectedStatuses.Add((status, path));
        }
    }

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
        {
            Add($"CSP violation: {message.Text}");
        }
        else if (message.Type == "error" && !message.Text.StartsWith(StatusEcho, StringComparison.Ordinal)
            && !(offline && message.Text.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)))
        {
            Add($"console error: {message.Text} at {message.Location}");
        }
    }

    private void OnResponse(IResponse response)
    {
        var url = new Uri(response.Url);
        if (response.Status >= 500)
        {
            Add($"server error: {response.Request.Method} {url.PathAndQuery} answered {response.Status}");
            return;
        }

        if (response.Status >= 400 && !IsExpected(response.Status, url.PathAndQuery))
        {
            Add($"unexpected client error: {response.Request.Method} {url.PathAndQuery} answered {response.Status}");
        }
    }

    private bool IsExpected(int status, string pathAndQuery)
    {
        lock (problems)
        {
            return expectedStatuses.Any(expected => expected.Status == status && pathAndQuery.StartsWith(expected.Path, StringComparison.Ordinal));
        }
    }

    private void Add(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
