namespace ExpenseTracker.Web.ErrorHandling;

public static class ErrorHandlingExtensions
{
    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Error responses always get a body: ProblemDetails for the JSON API, a friendly page for people.
    /// The status-code pages sit outside the exception handler so that a store failure on a page, which the
    /// handler turns into a bare 400/404/409/503, is shown as that page too.
    /// </summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(context => context.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(context => !context.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseExceptionHandler(new ExceptionHandlerOptions { AllowStatusCode404Response = true });
        return app;
    }
}
