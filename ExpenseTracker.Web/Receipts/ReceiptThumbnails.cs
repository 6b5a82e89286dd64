using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// Small JPEGs for the expense rows, made with ImageSharp 2.1 from JPEG, PNG and WebP (it cannot decode HEIC, whose
/// receipts show an icon on a laptop; in AWS the browser draws the thumbnail, and Safari can draw HEIC). Only files the
/// inspector accepted get here; the size is read from the header first, so a small file that claims a huge picture
/// is never decoded. The result is encoded anew, without any metadata.
/// </summary>
public static class ReceiptThumbnails
{
    public const int Edge = 320;

    /// <summary>About 40 megapixels: a phone's largest photos, at most ~120 MB of pixels while decoding.</summary>
    private const long MaxPixels = 40_000_000;

    // Only the three formats a thumbnail is made from, and no pool: the pixels of a large photo are given back at once
    // instead of being kept for a next thumbnail that may never come.
    private static readonly Configuration Decoding = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
    {
        MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 0, AllocationLimitMegabytes = 256 }),
    };

    /// <summary>A JPEG at most <see cref="Edge"/> pixels on its longer side, or null when none can be made.</summary>
    public static async Task<byte[]?> MakeAsync(Stream source, CancellationToken cancellationToken)
    {
        try
        {
            var start = source.Position;
            var info = Image.Identify(Decoding, source);
            if (info is null || (long)info.Width * info.Height > MaxPixels)
            {
                return null;
            }

            source.Position = start;
            using var image = await Image.LoadAsync<Rgb24>(Decoding, source, cancellationToken);
            image.Mutate(picture => picture.AutoOrient().Resize(new ResizeOptions { Size = new Size(Edge, Edge), Mode = ResizeMode.Max }));
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            using var output = new MemoryStream();
            await image.SaveAsJpegAsync(output, new JpegEncoder { Quality = 75 }, cancellationToken);
            return output.ToArray();
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException or InvalidMemoryOperationException)
        {
            return null;
        }
    }
}
