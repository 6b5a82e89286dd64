namespace ExpenseTracker.Web.Accounts;

/// <summary>The ProblemDetails the API answers with when a caller is not signed in or not allowed.</summary>
public static class AuthProblems
{
    /// <summary>Written as application/problem+json whatever the caller accepts: scripts read JSON.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
