using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>Posting the add and edit forms with files, as a browser does (multipart), since AngleSharp cannot choose files.</summary>
public static class ReceiptSteps
{
    public const string FilesField = "Attachments.Files";

    /// <summary>The form's own fields (overridden by <paramref name="values"/>) and the files, in one multipart post (in the receipts field unless told).</summary>
    public static Task<HttpResponseMessage> SubmitWithFilesAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string> values, IEnumerable<(string Name, byte[] Content)> files, bool htmx = false,
        string fileField = FilesField)
    {
        var body = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (name is null || values.ContainsKey(name) || element is IHtmlButtonElement
                || (element is IHtmlInputElement input && (input.Type is "file" or "submit" || (input.Type is "checkbox" or "radio" && !input.IsChecked))))
            {
                continue;
            }

            body.Add(new StringContent(element switch
            {
                IHtmlInputElement field => field.Value,
                IHtmlSelectElement select => select.Value ?? "",
                IHtmlTextAreaElement area => area.Value,
                _ => "",
            }), name);
        }

        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            // The claimed type is whatever the browser guesses from the name; the app must not believe it.
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/jpeg");
            body.Add(part, fileField, name);
        }

        var action = (htmx ? form.GetAttribute("hx-post") : null) ?? form.GetAttribute("action") ?? form.BaseUri;
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = body };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            if (form.Owner is IHtmlDocument page && page.AntiforgeryToken() is { } token)
            {
                request.Headers.Add(page.AntiforgeryHeader()!, token);
            }
        }

        return client.SendAsync(request);
    }

    /// <summary>Adds an expense through the page's add form (without htmx) with these files attached.</summary>
    public static async Task<HttpResponseMessage> AddWithFilesAsync(this HttpClient client, string description, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetDocumentAsync("/");
        return await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "499", ["Input.Description"] = description }, files);
    }
}
