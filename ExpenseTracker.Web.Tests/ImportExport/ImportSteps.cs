using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.ImportExport;

/// <summary>The import page as a person uses it: the file chosen once, then Preview and Import pressed on the real form.</summary>
public static class ImportSteps
{
    public const string PageUrl = "/import";

    /// <summary>
    /// Posts the page's import form with its current fields (those of <paramref name="page"/>), overridden by
    /// <paramref name="values"/>, and <paramref name="file"/> as the chosen file, to the handler a button names.
    /// </summary>
    public static Task<HttpResponseMessage> PostImportFormAsync(
        this HttpClient client, IHtmlDocument page, string handler, byte[] file, IReadOnlyDictionary<string, string>? values = null, bool htmx = false,
        string fileName = "statement.csv")
    {
        var form = page.Form("#import-form");
        var content = new MultipartFormDataContent();
        var overridden = new HashSet<string>(values?.Keys ?? []);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (name is null || overridden.Contains(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                    break;
                case IHtmlInputElement input:
                    content.Add(new StringContent(input.Value), name);
                    break;
                case IHtmlSelectElement select:
                    content.Add(new StringContent(select.Value ?? ""), name);
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            foreach (var each in value.Split('\u001F'))
            {
                content.Add(new StringContent(each), name);
            }
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(bytes, "ImportFile", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{PageUrl}?handler={handler}") { Content = content };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add(page.AntiforgeryHeader()!, page.AntiforgeryToken()!);
        }

        return client.SendAsync(request);
    }

    /// <summary>Chooses the file and presses Preview (through htmx), then reads the page as it stands after the swap.</summary>
    public static async Task<IHtmlDocument> PreviewAsync(this HttpClient client, byte[] file, IReadOnlyDictionary<string, string>? values = null)
    {
        var page = await client.GetDocumentAsync(PageUrl);
        var response = await client.PostImportFormAsync(page, "Preview", file, values);
        return await Html.ParseAsync(response);
    }

    /// <summary>Previews <paramref name="file"/>, then presses Import on the previewed form: what a person does.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] file, IReadOnlyDictionary<string, string>? values = null, bool htmx = false)
    {
        var previewed = await client.PreviewAsync(file, values);
        return await client.PostImportFormAsync(previewed, "Import", file, values, htmx);
    }
}
