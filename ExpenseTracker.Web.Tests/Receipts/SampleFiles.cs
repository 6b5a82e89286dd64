using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>Files a person might attach, good and hostile, made in the test rather than kept as binaries.</summary>
public static class SampleFiles
{
    /// <summary>A real JPEG photo that says where it was taken (Bengaluru) in its EXIF GPS directory.</summary>
    public static byte[] JpegWithLocation(int width = 640, int height = 480)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 120, 40));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Test camera");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(12, 1), new Rational(58, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(77, 1), new Rational(35, 1), new Rational(4321, 100)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>
    /// A photo of noise (so hardly compressible) that says where it was taken, saved at the highest JPEG quality that
    /// keeps it within <paramref name="maxBytes"/>: a large file the way a phone camera makes one.
    /// </summary>
    public static byte[] NoisyJpegWithLocation(int width, int height, long maxBytes)
    {
        var random = new Random(19);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    pixel = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                }
            }
        });
        image.Metadata.ExifProfile = Image.Identify(JpegWithLocation(8, 8)).Metadata.ExifProfile;
        for (var quality = 95; quality > 10; quality -= 5)
        {
            using var jpeg = new MemoryStream();
            image.SaveAsJpeg(jpeg, new JpegEncoder { Quality = quality });
            if (jpeg.Length <= maxBytes)
            {
                return jpeg.ToArray();
            }
        }

        throw new InvalidOperationException($"No quality made a {width}×{height} photo fit in {maxBytes} bytes.");
    }

    public static byte[] Png(int width = 200, int height = 100)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(10, 160, 90));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A small, well-formed one-page PDF.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] HtmlPage() => Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>");

    /// <summary>A JPEG with a ZIP archive after its end: a polyglot that opens as an image and as an archive.</summary>
    public static byte[] JpegWithArchiveAppended()
    {
        byte[] archiveEnd = [(byte)'P', (byte)'K', 5, 6, .. new byte[18]];
        return [.. JpegWithLocation(64, 64), .. archiveEnd];
    }

    /// <summary>A JPEG with a script after its end, which a browser sniffing the content could run.</summary>
    public static byte[] JpegWithScriptAppended() => [.. JpegWithLocation(64, 64), .. Encoding.ASCII.GetBytes("<script>alert(1)</script>")];

    /// <summary>Whether the photo still says where it was taken, read back by ImageSharp.</summary>
    public static bool HasLocation(byte[] photo)
    {
        var info = Image.Identify(photo);
        var exif = info.Metadata.ExifProfile;
        return exif is not null && (exif.GetValue(ExifTag.GPSLatitude) is not null || exif.GetValue(ExifTag.GPSLongitude) is not null);
    }
}
