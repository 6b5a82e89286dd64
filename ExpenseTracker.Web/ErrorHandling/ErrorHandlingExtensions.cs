using Microsoft.AspNetCore.Http.Features;

namespace ExpenseTracker.Web.ErrorHandling;

public static class ErrorHandlingExtensions
{
    public const string ErrorPagePath = "/error/{0}";

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// ProblemDetails that always say what went wrong (<see cref="ApiProblems"/>), and the limits of what a request may
    /// send (<see cref="RequestBodyGate"/>).
    /// </summary>
    public static IServiceCollection AddErrorResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Describe);
        services.Configure<FormOptions>(RequestBodyGate.Configure);
        return services;
    }

    /// <summary>
    /// Error responses always get a body: ProblemDetails for the JSON API, the error page (HTML, with the status) for
    /// people, whatever went wrong. The status-code pages sit outside the exception handler so that a store failure on
    /// a page, which the handler turns into a bare 400/404/409/503, is shown as that page too; an exception nothing
    /// handles re-runs the request as the error page for 500.
    /// </summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(context => context.Request.IsApi(), api =>
        {
            api.UseStatusCodePages();
            api.UseExceptionHandler(new ExceptionHandlerOptions { AllowStatusCode404Response = true });
        });
        app.UseWhen(context => !context.Request.IsApi(), pages =>
        {
            pages.UseStatusCodePagesWithReExecute(ErrorPagePath);
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = string.Format(CultureInfo.InvariantCulture, ErrorPagePath, StatusCodes.Status500InternalServerError),
                AllowStatusCode404Response = true,
            });
        });
        return app;
    }

    /// <summary>
    /// Every body is checked, within its endpoint's limits, before anything reads it (<see cref="RequestBodyGate"/>):
    /// after routing, which finds the endpoint.
    /// </summary>
    public static WebApplication UseRequestBodyGate(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyGate>();
        return app;
    }
}
