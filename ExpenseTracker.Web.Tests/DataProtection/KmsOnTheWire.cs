using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;

using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>
/// KMS cannot run here, so this answers the real SDK client's Encrypt and Decrypt requests on the wire, in KMS's own
/// JSON protocol, the way the DynamoDB fault tests answer DynamoDB's: what the app sends is the SDK's real marshalling,
/// and what it reads back goes through the SDK's real unmarshalling. Ciphertext is AES-GCM under a key only this
/// object holds, bound to the key id and encryption context as KMS binds them, so a stored key really is ciphertext
/// and a request with another key id or context is refused as KMS refuses it.
/// </summary>
public sealed class KmsOnTheWire : HttpClientFactory, IDisposable
{
    public const string KeyArn = "arn:aws:kms:ap-south-1:111122223333:key/0d5a7c3e-6f8b-4c1d-9e2a-3b4c5d6e7f80";

    private readonly byte[] secret = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentQueue<KmsCall> calls = new();
    private HttpListener? listener;

    /// <summary>Every request that reached "KMS", retries included.</summary>
    public IReadOnlyList<KmsCall> Calls => [.. calls];

    /// <summary>When set, every Decrypt is answered with this status and KMS error type instead.</summary>
    public (HttpStatusCode Status, string ErrorType)? DecryptFailure { get; set; }

    /// <summary>What KMS would return for a ciphertext this stand-in made, with the context the app uses.</summary>
    public byte[] Decrypt(byte[] blob, IReadOnlyDictionary<string, string> context) => Open(blob, KeyArn, context) ?? throw new CryptographicException("Not this key's ciphertext.");

    /// <summary>
    /// Serves the same answers on a loopback port, for an app in another process (the published app of the
    /// Lambda-shape tests) to reach through DataProtection:Kms:ServiceUrl. Returns that URL.
    /// </summary>
    public string Listen()
    {
        var port = LocalService.FreePort();
        listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
        return $"http://127.0.0.1:{port}";
    }

    public void Dispose() => listener?.Close();

    private async Task ServeAsync()
    {
        while (listener is { IsListening: true })
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            using var answer = Answer(Operation(context.Request.Headers["X-Amz-Target"] ?? ""), body);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await answer.Content.CopyToAsync(context.Response.OutputStream);
            context.Response.Close();
        }
    }

    private static string Operation(string target) =>
        target.StartsWith("TrentService.", StringComparison.Ordinal) ? target["TrentService.".Length..] : target;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private HttpResponseMessage Answer(string operation, JsonObject body)
    {
        var keyId = (string?)body["KeyId"] ?? "";
        var context = body["EncryptionContext"]?.AsObject().ToDictionary(entry => entry.Key, entry => (string)entry.Value!) ?? [];
        calls.Enqueue(new KmsCall(operation, keyId, context));
        if (keyId != KeyArn)
        {
            return Error(HttpStatusCode.BadRequest, "NotFoundException", $"Key '{keyId}' does not exist");
        }

        switch (operation)
        {
            case "Encrypt":
                var plaintext = Convert.FromBase64String((string)body["Plaintext"]!);
                return Json(new JsonObject { ["CiphertextBlob"] = Convert.ToBase64String(Seal(plaintext, keyId, context)), ["KeyId"] = keyId });
            case "Decrypt" when DecryptFailure is { } failure:
                return Error(failure.Status, failure.ErrorType, "refused by the test");
            case "Decrypt":
                var opened = Open(Convert.FromBase64String((string)body["CiphertextBlob"]!), keyId, context);
                return opened is null
                    ? Error(HttpStatusCode.BadRequest, "InvalidCiphertextException", "")
                    : Json(new JsonObject { ["Plaintext"] = Convert.ToBase64String(opened), ["KeyId"] = keyId });
            default:
                return Error(HttpStatusCode.BadRequest, "UnsupportedOperationException", operation);
        }
    }

    private byte[] Seal(byte[] plaintext, string keyId, IReadOnlyDictionary<string, string> context)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var blob = new byte[12 + 16 + plaintext.Length];
        using var aes = new AesGcm(secret, 16);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(28), blob.AsSpan(12, 16), AssociatedData(keyId, context));
        nonce.CopyTo(blob, 0);
        return blob;
    }

    private byte[]? Open(byte[] blob, string keyId, IReadOnlyDictionary<string, string> context)
    {
        if (blob.Length < 28)
        {
            return null;
        }

        var plaintext = new byte[blob.Length - 28];
        using var aes = new AesGcm(secret, 16);
        try
        {
            aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(28), blob.AsSpan(12, 16), plaintext, AssociatedData(keyId, context));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(string keyId, IReadOnlyDictionary<string, string> context) =>
        Encoding.UTF8.GetBytes(keyId + "|" + string.Join("|", context.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key + "=" + entry.Value)));

    private static HttpResponseMessage Json(JsonObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };

    private static HttpResponseMessage Error(HttpStatusCode status, string type, string message) =>
        new(status) { Content = new StringContent(new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };

    private sealed class Handler(KmsOnTheWire kms) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "";
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            var response = kms.Answer(Operation(target), body);
            response.RequestMessage = request;
            return response;
        }
    }
}

/// <summary>One request as KMS received it.</summary>
public sealed record KmsCall(string Operation, string KeyId, IReadOnlyDictionary<string, string> EncryptionContext);
