using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;

namespace ExpenseTracker.Web.Rendering;

/// <summary>
/// The htmx settings of the layout's <c>htmx-config</c> meta tag, with the antiforgery token in the shape the
/// Htmx.TagHelpers script (<c>/_htmx/antiforgery.js</c>) reads: <c>antiForgery.{formFieldName, headerName, requestToken}</c>.
/// The package's own meta tag helper writes the same, but serializes all 39 of its settings on every page, which was
/// 8% of the expense page's CPU; here the fixed part is made once.
/// </summary>
public static class HtmxConfiguration
{
    private static readonly string Fixed = new JsonObject
    {
        // Its indicator styles live in site.css: the Content-Security-Policy refuses the style element htmx would inject.
        ["includeIndicatorStyles"] = false,
        ["selfRequestsOnly"] = true,
        // No script runs from a swapped fragment; the CSP would refuse an inline one anyway.
        ["allowScriptTags"] = false,
        // Never style: copying a chart canvas's style onto its replacement is an inline style, which the CSP refuses.
        ["attributesToSettle"] = new JsonArray("class", "width", "height"),
        // 409 (changed elsewhere) and 422 (form errors) are swapped like a 200: those responses carry the form to show
        // again. Other errors are not swapped; the page's one htmx:responseError handler says what happened.
        ["responseHandling"] = new JsonArray(
            Rule("204", swap: false),
            Rule("[23]..", swap: true),
            Rule("409", swap: true, error: false),
            Rule("422", swap: true, error: false),
            Rule("[45]..", swap: false, error: true)),
    }.ToJsonString();

    // The fixed settings, open for the token's member to follow.
    private static readonly string FixedOpen = Fixed[..^1] + ",\"antiForgery\":{\"formFieldName\":";

    /// <summary>
    /// The meta tag's content: the fixed settings, and the request's antiforgery token unless <paramref name="tokens"/> is
    /// null. Written straight to the page in pieces. The token's strings go through <see cref="JavaScriptEncoder"/>,
    /// whose escapes are JSON's and which escapes every character that could end an HTML attribute (quotes,
    /// apostrophes, angle brackets, ampersands), so the layout writes it as it is, in single quotes.
    /// </summary>
    public static IHtmlContent Content(AntiforgeryTokenSet? tokens) => tokens is null ? new HtmlString(Fixed) : new WithToken(tokens);

    private sealed class WithToken(AntiforgeryTokenSet tokens) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write(FixedOpen);
            WriteString(writer, tokens.FormFieldName);
            writer.Write(",\"headerName\":");
            WriteString(writer, tokens.HeaderName);
            writer.Write(",\"requestToken\":");
            WriteString(writer, tokens.RequestToken);
            writer.Write("}}");
        }

        private static void WriteString(TextWriter writer, string? value)
        {
            if (value is null)
            {
                writer.Write("null");
                return;
            }

            writer.Write('"');
            JavaScriptEncoder.Default.Encode(writer, value);
            writer.Write('"');
        }
    }

    private static JsonObject Rule(string code, bool swap, bool? error = null)
    {
        var rule = new JsonObject { ["code"] = code, ["swap"] = swap };
        if (error is { } isError)
        {
            rule["error"] = isError;
        }

        return rule;
    }
}
