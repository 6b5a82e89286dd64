using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.HostileInput;

/// <summary>
/// Bodies the app cannot or will not read, sent to every form of every page (plain and through htmx) and every API
/// route that takes a body: each is refused with its real status (400 unreadable, 413 too large, 415 not a form or not
/// JSON) and a sentence, as the HTML error page (whose sentence htmx shows) or ProblemDetails, and nothing is stored.
/// The antiforgery token is in the body, so it is the body and not a missing token that is refused.
/// </summary>
public sealed class UnreadableBodyTests(ExpenseTrackerFactory factory) : IClassFixture<ExpenseTrackerFactory>
{
    private const string Email = "hostile@example.com";

    /// <summary>A hostile form body (with {token} for the antiforgery token) and how the app must answer it.</summary>
    public static TheoryData<string, HttpStatusCode, string> FormBodies => new()
    {
        { "nul", HttpStatusCode.BadRequest, "null character" },
        // More than even the import form takes (a field per duplicate row ticked).
        { "50,000 fields", HttpStatusCode.RequestEntityTooLarge, "more fields than this form takes" },
        // Over the usual 1 MB it is the body that is too large; a receipt form takes 50 MB, and then it is the field.
        { "5 MB field", HttpStatusCode.RequestEntityTooLarge, "than this app accepts" },
        { "5 MB field without a length", HttpStatusCode.RequestEntityTooLarge, "longer than this app accepts" },
        { "100 KB field", HttpStatusCode.RequestEntityTooLarge, "longer than this app accepts" },
        { "broken multipart", HttpStatusCode.BadRequest, "could not be read" },
        { "multipart without a boundary", HttpStatusCode.BadRequest, "could not be read" },
        { "json", HttpStatusCode.UnsupportedMediaType, "not one" },
        { "plain text", HttpStatusCode.UnsupportedMediaType, "not one" },
    };

    [Theory]
    [MemberData(nameof(FormBodies))]
    public async Task EveryFormRefusesABodyItCannotReadWithItsStatusAndASentenceAndChangesNothing(string body, HttpStatusCode status, string phrase)
    {
        var owned = await OneAppPerClass.AddOneOfEachAsync(factory);
        var signedIn = factory.CreatePlainClient();
        var visitor = factory.CreateAnonymousClient();
        var tokens = new Dictionary<bool, string>
        {
            [true] = (await signedIn.GetDocumentAsync("/")).AntiforgeryToken()!,
            [false] = (await visitor.GetDocumentAsync("/account/login")).AntiforgeryToken()!,
        };
        var before = await factory.SnapshotAsync(factory.DefaultUserId);
        var forms = AppRoutes.Of(factory.Services).Where(route => route.Kind == RouteKind.Page && route.Method == "POST").ToList();

        Assert.True(forms.Count >= 15, $"Only {forms.Count} page forms were found.");
        foreach (var route in forms)
        {
            // The error page answers posts too (it is re-run for a failed post); it is no form of its own.
            if (route.Template.StartsWith("/error/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var htmx in new[] { false, true })
            {
                var client = route.Anonymous ? visitor : signedIn;
                var url = route.Url(route.Template == "/categories" ? owned.CategoryId : route.Template == "/settings/tokens" ? owned.TokenId : owned.ExpenseId);
                var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(body, tokens[!route.Anonymous]) };
                if (htmx)
                {
                    request.Headers.Add("HX-Request", "true");
                }

                var response = await client.SendAsync(request);

                var context = $"POST {url} ({body}{(htmx ? ", htmx" : "")})";
                Assert.Contains(phrase, await HumanAnswers.AssertErrorPageAsync(response, status, context));
            }
        }

        Assert.Equal(before, await factory.SnapshotAsync(factory.DefaultUserId));
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync(Email.ToUpperInvariant()));
        Assert.True(await signedIn.IsSignedInAsync());
    }

    /// <summary>A hostile JSON request body and how the API must answer it.</summary>
    /// <summary>A hostile JSON request body, how the API must answer it, and the field a 400 names.</summary>
    public static TheoryData<string, HttpStatusCode, string?> JsonBodies => new()
    {
        { "5 MB", HttpStatusCode.RequestEntityTooLarge, null },
        { "form", HttpStatusCode.UnsupportedMediaType, null },
        { "plain text", HttpStatusCode.UnsupportedMediaType, null },
        { "no content type", HttpStatusCode.UnsupportedMediaType, null },
        { "cut off", HttpStatusCode.BadRequest, "body" },
        { "not json", HttpStatusCode.BadRequest, "body" },
        { "empty", HttpStatusCode.BadRequest, "body" },
        { "null", HttpStatusCode.BadRequest, "body" },
        { "array", HttpStatusCode.BadRequest, "body" },
        { "nested too deep", HttpStatusCode.BadRequest, "body" },
        { "not utf-8", HttpStatusCode.BadRequest, "amount" },
    };

    [Theory]
    [MemberData(nameof(JsonBodies))]
    public async Task EveryApiRouteThatTakesABodyRefusesOneItCannotReadAsProblemDetailsAndChangesNothing(string body, HttpStatusCode status, string? field)
    {
        var owned = await OneAppPerClass.AddOneOfEachAsync(factory);
        var client = factory.CreatePlainClient();
        var before = await factory.SnapshotAsync(factory.DefaultUserId);
        var routes = AppRoutes.Of(factory.Services).Where(route => route.JsonBody is not null).ToList();

        Assert.Equal(["POST /api/expenses", "PUT /api/expenses/{id}"], routes.Select(route => route.ToString()).Order(StringComparer.Ordinal));
        foreach (var route in routes)
        {
            var url = route.Url(owned.ExpenseId);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = Json(body) });

            var problem = await HumanAnswers.AssertProblemAsync(response, status, $"{route.Method} {url} ({body})", field);
            Assert.True(body != "not utf-8" || problem.Detail!.Contains("not valid UTF-8", StringComparison.Ordinal), problem.Detail);
        }

        Assert.Equal(before, await factory.SnapshotAsync(factory.DefaultUserId));
    }

    private static HttpContent Body(string kind, string token)
    {
        var start = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Email={Uri.EscapeDataString(Email)}&";
        return kind switch
        {
            "nul" => Form(start + "Input.Amount=5%00&Input.Name=a%00b&Name=a%00b"),
            "50,000 fields" => Form(start + string.Join('&', Enumerable.Range(0, 50_000).Select(index => $"f{index}=1"))),
            "5 MB field" => Form(start + "Input.Description=" + new string('a', 5_000_000)),
            "5 MB field without a length" => Unsized(start + "Input.Description=" + new string('a', 5_000_000)),
            "100 KB field" => Form(start + "Input.Description=" + new string('a', 100_000)),
            "broken multipart" => Typed("--xyz\r\nContent-Disposition: form-data; name=\"Input.Amount\"\r\n\r\n5", "multipart/form-data; boundary=xyz"),
            "multipart without a boundary" => Typed("garbage", "multipart/form-data"),
            "json" => Typed("""{ "Input.Amount": "5" }""", "application/json"),
            _ => Typed("Input.Amount=5", "text/plain"),
        };
    }

    private static HttpContent Json(string kind) => kind switch
    {
        "5 MB" => Typed($$"""{ "amount": "5", "description": "{{new string('a', 5_000_000)}}" }""", "application/json"),
        "form" => Typed("amount=5&date=2026-11-10&categoryId=food", "application/x-www-form-urlencoded"),
        "plain text" => Typed("""{ "amount": "5" }""", "text/plain"),
        "no content type" => new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "amount": "5" }""")),
        "cut off" => Typed("""{ "amount": "5", "date": """, "application/json"),
        "not json" => Typed("amount is five", "application/json"),
        "empty" => Typed("", "application/json"),
        "null" => Typed("null", "application/json"),
        "array" => Typed("""[{ "amount": "5" }]""", "application/json"),
        "nested too deep" => Typed(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), "application/json"),
        _ => Bytes([0x7B, 0x22, 0x61, 0x6D, 0x6F, 0x75, 0x6E, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "application/json"),
    };

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static StringContent Typed(string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static ByteArrayContent Bytes(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>A body sent without a Content-Length, as a chunked upload is.</summary>
    private static StreamContent Unsized(string body)
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A stream whose length HttpClient cannot know, so it sends no Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
