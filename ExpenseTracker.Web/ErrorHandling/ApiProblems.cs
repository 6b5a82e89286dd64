namespace ExpenseTracker.Web.ErrorHandling;

/// <summary>
/// Gives every ProblemDetails the API writes a sentence that says what went wrong, when whatever wrote it gave only a
/// status (an unknown route, a method a route does not take, a body that is not JSON).
/// </summary>
public static class ApiProblems
{
    public const string Reference = "/openapi/v1.json lists every route, what it takes and what it answers.";

    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read. " + Reference,
            StatusCodes.Status404NotFound => "There is nothing at this address. " + Reference,
            StatusCodes.Status405MethodNotAllowed => $"This address does not take {context.HttpContext.Request.Method} requests. " + Reference,
            StatusCodes.Status413PayloadTooLarge => $"The request body is larger than this app accepts here ({RequestBodyGate.Size(RequestBodyGate.LimitsOf(context.HttpContext).Bytes)}).",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with the header Content-Type: application/json.",
            StatusCodes.Status500InternalServerError => "The request failed because of an error on our side. Please try again; if it keeps failing, the app's log says why.",
            _ => null,
        };
    }
}
