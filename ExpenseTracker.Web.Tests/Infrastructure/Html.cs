using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// Reads responses as HTML documents and submits the forms found in them, with their real antiforgery fields,
/// the way a browser (with or without htmx) would.
/// </summary>
public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request =>
        {
            request.Content(content);
            request.Address(response.RequestMessage!.RequestUri);
            request.Header(HeaderNames.ContentType, "text/html; charset=utf-8");
        });
        return (IHtmlDocument)document;
    }

    /// <summary>Parses an htmx fragment (a row, a form) in the context that makes it valid HTML.</summary>
    public static async Task<IHtmlDocument> ParseFragmentAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var wrapped = content.TrimStart().StartsWith("<tr", StringComparison.OrdinalIgnoreCase) ? $"<table><tbody>{content}</tbody></table>" : content;
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(wrapped).Address(response.RequestMessage!.RequestUri));
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Submits <paramref name="form"/> with its current field values, overridden by <paramref name="values"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null, bool htmx = false, IHtmlDocument? page = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var element = form.Elements.FirstOrDefault(candidate => candidate.GetAttribute("name") == name)
                ?? throw new InvalidOperationException($"The form has no field named {name}.");
            switch (element)
            {
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlSelectElement select:
                    // A value the list does not offer is what a tampered form sends; add it so it is submitted.
                    if (select.Options.All(option => option.Value != value))
                    {
                        var option = (IHtmlOptionElement)form.Owner!.CreateElement("option");
                        option.Value = value;
                        select.AddOption(option);
                    }

                    select.Value = value;
                    break;
                case IHtmlTextAreaElement area:
                    area.Value = value;
                    break;
            }
        }

        // A form without an action posts back to the page it is on.
        var action = (htmx ? form.GetAttribute("hx-post") : null) ?? form.GetAttribute("action") ?? form.BaseUri;
        var submission = form.GetSubmission()!;
        var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, action);
        var body = new StreamContent(submission.Body);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(submission.MimeType!);
        request.Content = body;
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            // The Htmx.TagHelpers script sends the page's token in a header; a form without its own hidden field relies on it.
            if ((page ?? form.Owner as IHtmlDocument) is { } document && document.AntiforgeryToken() is { } token)
            {
                request.Headers.Add(document.AntiforgeryHeader()!, token);
            }
        }

        return client.SendAsync(request);
    }

    /// <summary>An htmx GET, as a hx-get attribute would send it.</summary>
    public static Task<HttpResponseMessage> HtmxGetAsync(this HttpClient client, string url)
    {
        var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return client.SendAsync(request);
    }

    /// <summary>An htmx POST from an element outside a form (hx-post on a link), carrying the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> HtmxPostAsync(this HttpClient client, string url, IHtmlDocument page)
    {
        var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");
        if (page.AntiforgeryToken() is { } token)
        {
            request.Headers.Add(page.AntiforgeryHeader()!, token);
        }

        return client.SendAsync(request);
    }

    /// <summary>The events HX-Trigger asks htmx to raise, in order: one name, or the keys of a JSON object when there are several.</summary>
    public static IReadOnlyList<string> HtmxTriggers(this HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("HX-Trigger", out var values))
        {
            return [];
        }

        var header = values.Single();
        return header.StartsWith('{') ? [.. JsonNode.Parse(header)!.AsObject().Select(entry => entry.Key)] : [.. header.Split(',', StringSplitOptions.TrimEntries)];
    }

    /// <summary>The flash message an htmx response carries (the "flash" event of HX-Trigger), or null when it has none.</summary>
    public static FlashEvent? Flash(this HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("HX-Trigger", out var values) || !values.Single().StartsWith('{'))
        {
            return null;
        }

        return JsonNode.Parse(values.Single())!["flash"] is JsonObject flash
            ? new FlashEvent(flash["text"]!.GetValue<string>(), flash["kind"]!.GetValue<string>(), flash["undo"]?.GetValue<string>(), flash["seconds"]!.GetValue<int>())
            : null;
    }

    /// <summary>The antiforgery token the page hands to htmx, in its htmx-config meta tag (null when it has none).</summary>
    public static string? AntiforgeryToken(this IDocument page) => AntiforgeryConfig(page)?["requestToken"]?.GetValue<string>();

    /// <summary>The header htmx sends the token in, as the page's htmx-config says.</summary>
    public static string? AntiforgeryHeader(this IDocument page) => AntiforgeryConfig(page)?["headerName"]?.GetValue<string>();

    private static JsonNode? AntiforgeryConfig(IDocument page) =>
        page.QuerySelector("meta[name=htmx-config]")?.GetAttribute("content") is { } config ? JsonNode.Parse(config)?["antiForgery"] : null;

    public static IHtmlFormElement Form(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches {selector}.");
}

/// <summary>A flash message as flash.js receives it from htmx.</summary>
public sealed record FlashEvent(string Text, string Kind, string? Undo, int Seconds);
