using ExpenseTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace ExpenseTracker.Web.ErrorHandling;

/// <summary>
/// Reads a page's form before anything else does, so that a body the app cannot read is answered once and plainly:
/// too large is 413, unreadable (a null character, a broken multipart body) is 400, not a form at all is 415, each with
/// a sentence that says which. Without it the antiforgery check met the failure first and answered a bare 400 that
/// blamed an expired page. A form read here is kept for the rest of the request, so nothing reads it twice. The JSON
/// API gets the same size limit; its bodies are read (and refused in its words) by the endpoints. The limits are the
/// endpoint's own where it has a <see cref="RequestBodyLimitAttribute"/> (receipts, an import, a backup), so it runs
/// after routing.
/// </summary>
public sealed class RequestBodyGate(RequestDelegate next)
{
    /// <summary>The largest body the app reads: thousands of times any form or expense it takes.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Far more fields than a form of the app has (most have under ten; the import, one per row ticked, says its own).</summary>
    public const int MaxFormFields = 100;

    /// <summary>Far longer than any field of the app may be (a description is 200 characters).</summary>
    public const int MaxFormValueBytes = 64 * 1024;

    /// <summary>What a form may hold when nothing reads it with <see cref="FormOptionsFor"/> (the app's usual limits).</summary>
    public static void Configure(FormOptions options) => Apply(options, Usual);

    /// <summary>How to read a form within <paramref name="limits"/>.</summary>
    public static FormOptions FormOptionsFor(BodyLimits limits) => Apply(new FormOptions(), limits);

    /// <summary>What this request may send: as its endpoint's <see cref="RequestBodyLimitAttribute"/> says, or the usual.</summary>
    public static BodyLimits LimitsOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimitAttribute>() is { } limit
            ? new(limit.BytesFor(context.RequestServices), limit.FormFields > 0 ? limit.FormFields : MaxFormFields)
            : Usual;

    /// <summary>"1 MB", "50 MB", "600 KB": a limit as a person reads it.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    private static readonly BodyLimits Usual = new(MaxBodyBytes, MaxFormFields);

    private static FormOptions Apply(FormOptions options, BodyLimits limits)
    {
        options.ValueCountLimit = limits.FormFields;
        options.ValueLengthLimit = MaxFormValueBytes;
        options.MultipartBodyLengthLimit = limits.Bytes;
        return options;
    }

    // A re-executed error page passes through here again, with the same body: it is not read twice.
    private static readonly object Checked = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Items.TryAdd(Checked, true))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var limits = LimitsOf(context);
        context.LimitRequestBody(limits.Bytes);

        var problem = request.ContentLength > limits.Bytes ? TooLarge(limits)
            : request.IsApi() || !HttpMethods.IsPost(request.Method) ? null
            : request.HasFormContentType ? await ReadFormAsync(request, limits, context.RequestAborted)
            : HasBody(request) ? NotAForm
            : null;
        if (problem is not var (status, detail))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = status;
        if (request.IsApi())
        {
            await TypedResults.Problem(detail, statusCode: status, title: "The request could not be read").ExecuteAsync(context);
            return;
        }

        // The status-code page shows the error page for this status, with this sentence (and htmx shows the sentence).
        context.Items[Storage.StoreExceptionHandler.ErrorDetailKey] = detail;
    }

    private static (int, string) TooLarge(BodyLimits limits) => (StatusCodes.Status413PayloadTooLarge,
        $"What was sent is larger than this app accepts here ({Size(limits.Bytes)}), so none of it was read and nothing was changed.");

    private static readonly (int, string) NotAForm = (StatusCodes.Status415UnsupportedMediaType,
        "This page takes a form, but what was sent is not one, so nothing was read or changed. Go back, reload the page and use its own form.");

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>Nothing when the form could be read; else the status and the sentence that says what is wrong with it.</summary>
    private static async Task<(int, string)?> ReadFormAsync(HttpRequest request, BodyLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            // With this endpoint's limits; the form is kept, so the antiforgery check and the page read this one.
            await request.ReadFormAsync(FormOptionsFor(limits), cancellationToken);
            return null;
        }
        catch (InvalidDataException unreadable)
        {
            return Describe(unreadable.Message, limits);
        }
        catch (BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (Exception broken) when (broken is BadHttpRequestException or IOException)
        {
            return (StatusCodes.Status400BadRequest, "The form arrived incomplete, so it could not be read and nothing was changed. Please send it again.");
        }
    }

    /// <summary>
    /// The form reader says what broke only in its message ("Form value count limit 100 exceeded."); the tests pin
    /// each case, so a change of wording in the framework shows there.
    /// </summary>
    private static (int, string) Describe(string message, BodyLimits limits) => message switch
    {
        _ when message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) => TooLarge(limits),
        _ when message.Contains("value count limit", StringComparison.OrdinalIgnoreCase) => (StatusCodes.Status413PayloadTooLarge,
            $"The form has more fields than this form takes (at most {limits.FormFields}), so it was not read and nothing was changed."),
        _ when message.Contains("length limit", StringComparison.OrdinalIgnoreCase) && !message.Contains("boundary", StringComparison.OrdinalIgnoreCase)
            => (StatusCodes.Status413PayloadTooLarge,
                $"A field of the form is longer than this app accepts ({MaxFormValueBytes / 1024} KB), so it was not read and nothing was changed."),
        _ when message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) => (StatusCodes.Status400BadRequest,
            "The form holds characters that cannot be read (such as a null character), so it was not read and nothing was changed."),
        _ => (StatusCodes.Status400BadRequest, "The form is damaged or cut off, so it could not be read and nothing was changed. Go back, reload the page and send it again."),
    };
}

/// <summary>The largest body a request may send, and the most fields its form may have.</summary>
public sealed record BodyLimits(long Bytes, int FormFields);
