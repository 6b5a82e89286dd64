namespace ExpenseTracker.Web.Security;

public static class RobotsTxt
{
    public const string Path = "/robots.txt";

    /// <summary>Asks every crawler to stay out: a private finance app has nothing to index, not even its sign-in page.</summary>
    public const string Content = "User-agent: *\nDisallow: /\n";

    /// <summary>Open to visitors (crawlers have no session) and the same for everyone, so it may be cached for a day.</summary>
    public static IEndpointConventionBuilder MapRobotsTxt(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return TypedResults.Text(Content, "text/plain; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
