using ExpenseTracker.Web.Expenses;
using Microsoft.OpenApi;

namespace ExpenseTracker.Web.Api;

/// <summary>What every JSON endpoint shares: the OpenAPI document and clear answers to requests that do not bind.</summary>
public static class JsonApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddJsonApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Expense Tracker API",
                    Version = "v1",
                    Description = "Expenses in Indian rupees and the spending summaries behind the charts. Every call needs the session " +
                        "cookie or a personal access token ('Authorization: Bearer <token>', made on the Settings page) and acts as " +
                        "that account; without one it answers 401.",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(ExpenseRequest.DescribeSchemaAsync);
        });

        // Without this a body or query value that does not bind gets an empty 400; thrown, it reaches
        // BadRequestExceptionHandler, which says what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
