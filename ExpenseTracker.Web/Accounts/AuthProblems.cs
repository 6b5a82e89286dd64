namespace ExpenseTracker.Web.Accounts;

/// <summary>The ProblemDetails the API answers with when a caller is not signed in or not allowed.</summary>
public static class AuthProblems
{
    public const string ApiPrefix = "/api";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Written as application/problem+json whatever the caller accepts: scripts read JSON.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
