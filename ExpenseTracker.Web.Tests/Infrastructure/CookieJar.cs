using System.Collections.Concurrent;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// Keeps the cookies an app sets and sends every one of them back, Secure or not: behind the proxy the app marks its
/// cookies Secure (the viewer used https) while the test talks plain http to it, as the proxy does. Its cookies can be
/// handed to a client of another app instance, as a browser would send them to whichever instance serves the request.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, string> cookies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> received = new();

    /// <summary>A jar for the in-memory test server, whose client adds the server's own handler behind it.</summary>
    public CookieJar()
    {
    }

    /// <summary>A jar in front of a real HTTP connection, which follows no redirects (the tests check them).</summary>
    public static CookieJar OverHttp() =>
        new() { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } };

    /// <summary>The value of each cookie, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => cookies;

    /// <summary>Every Set-Cookie header received, as the app wrote it (with its attributes).</summary>
    public IReadOnlyList<string> Received => [.. received];

    /// <summary>Gives <paramref name="other"/> every cookie of this jar.</summary>
    public void CopyTo(CookieJar other)
    {
        foreach (var (name, value) in cookies)
        {
            other.cookies[name] = value;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!cookies.IsEmpty)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Keep(setCookie);
            }
        }

        return response;
    }

    private void Keep(string setCookie)
    {
        received.Enqueue(setCookie);
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = (parts[0].Split('=', 2)[0], parts[0].Split('=', 2)[1]);
        // Signing out answers with the cookie emptied and expired.
        var expired = parts.Skip(1).Any(part =>
            part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(part["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture, out var expires)
            && expires < DateTimeOffset.UtcNow);
        if (expired || value.Length == 0)
        {
            cookies.TryRemove(name, out _);
        }
        else
        {
            cookies[name] = value;
        }
    }
}
