using System.Buffers.Binary;

namespace ExpenseTracker.Web.Receipts;

/// <summary>Why a file is refused, said of the file ("… is empty"); the inspector puts its name in front.</summary>
public sealed class FileRefusedException(string reason) : Exception(reason);

/// <summary>
/// Walks the structure of a JPEG, PNG or WebP file as far as its metadata goes, refusing what is not well formed, and
/// answers the patches that remove its location data (<see cref="LocationData"/>).
/// </summary>
internal static class PhotoMetadata
{
    private const int MaxParts = 10_000;
    private const string Damaged = "is damaged or not really the photo it claims to be";
    private const string XmpNamespace = "http://ns.adobe.com/xap/1.0/\0";
    private const string ExtendedXmpNamespace = "http://ns.adobe.com/xmp/extension/\0";

    /// <summary>Segments up to the start of the image data; EXIF and XMP live in APP1 segments.</summary>
    public static async Task<List<BytePatch>> JpegAsync(ReceiptBytes bytes, CancellationToken cancellationToken)
    {
        var patches = new List<BytePatch>();
        long offset = 2;
        for (var part = 0; part < MaxParts; part++)
        {
            var header = await bytes.ReadAsync(offset, 4, cancellationToken);
            if (header.Length < 2 || header[0] != 0xFF)
            {
                throw new FileRefusedException(Damaged);
            }

            var marker = header[1];
            if (marker == 0xFF || marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                offset += marker == 0xFF ? 1 : 2;
                continue;
            }

            if (marker == 0xDA)
            {
                return patches;
            }

            var length = header.Length == 4 ? BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)) : 0;
            if (marker == 0xD9 || length < 2 || offset + 2 + length > bytes.Length)
            {
                throw new FileRefusedException(Damaged);
            }

            if (marker == 0xE1)
            {
                var data = await bytes.ReadAsync(offset + 4, length - 2, cancellationToken);
                patches.AddRange(Application1(data, offset + 4));
            }

            offset += 2 + length;
        }

        throw new FileRefusedException(Damaged);
    }

    /// <summary>
    /// Chunks from the signature to the first image data, then the end of the file: EXIF (eXIf) and XMP or raw
    /// profiles (text chunks) may sit before the image data or after it, and the file must end with IEND.
    /// </summary>
    public static async Task<List<BytePatch>> PngAsync(ReceiptBytes bytes, CancellationToken cancellationToken)
    {
        var patches = new List<BytePatch>();
        long offset = 8;
        for (var part = 0; ; part++)
        {
            var header = await bytes.ReadAsync(offset, 8, cancellationToken);
            var length = header.Length == 8 ? BinaryPrimitives.ReadUInt32BigEndian(header) : uint.MaxValue;
            var type = header.Length == 8 ? System.Text.Encoding.ASCII.GetString(header, 4, 4) : "";
            if (part >= MaxParts || offset + 12 + length > bytes.Length || (part == 0 && type != "IHDR"))
            {
                throw new FileRefusedException(Damaged);
            }

            if (type == "IDAT")
            {
                break;
            }

            patches.AddRange(await PngChunkAsync(bytes, offset, type, (int)length, cancellationToken));
            offset += 12 + length;
        }

        // After the image data: the last bytes, searched for whole chunks (a valid checksum tells them from image data).
        var tailStart = Math.Max(offset, bytes.Length - ReceiptInspector.TailSize);
        var tail = await bytes.ReadAsync(tailStart, (int)(bytes.Length - tailStart), cancellationToken);
        if (!tail.AsSpan().EndsWith<byte>([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]))
        {
            throw new FileRefusedException("has data after the end of its image, which is how a file hides another inside it");
        }

        for (var at = 0; at + 12 <= tail.Length - 12; at++)
        {
            var type = System.Text.Encoding.ASCII.GetString(tail, at + 4, 4);
            var length = BinaryPrimitives.ReadUInt32BigEndian(tail.AsSpan(at));
            if (type is "eXIf" or "tEXt" or "zTXt" or "iTXt" && at + 12 + length <= tail.Length
                && BinaryPrimitives.ReadUInt32BigEndian(tail.AsSpan(at + 8 + (int)length)) == Crc32.Of(tail.AsSpan(at + 4, 4 + (int)length)))
            {
                patches.AddRange(await PngChunkAsync(bytes, tailStart + at, type, (int)length, cancellationToken));
            }
        }

        return patches;
    }

    /// <summary>RIFF chunks: the declared size must be the file's, and EXIF and XMP chunks are patched.</summary>
    public static async Task<List<BytePatch>> WebpAsync(ReceiptBytes bytes, CancellationToken cancellationToken)
    {
        var riff = await bytes.ReadAsync(4, 4, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(riff) + 8L != bytes.Length)
        {
            throw new FileRefusedException("does not end where its header says, which is how a file hides another inside it");
        }

        var patches = new List<BytePatch>();
        long offset = 12;
        for (var part = 0; offset < bytes.Length; part++)
        {
            var header = await bytes.ReadAsync(offset, 8, cancellationToken);
            var size = header.Length == 8 ? BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) : uint.MaxValue;
            if (part >= MaxParts || offset + 8 + size > bytes.Length)
            {
                throw new FileRefusedException(Damaged);
            }

            var type = System.Text.Encoding.ASCII.GetString(header, 0, 4);
            if (type is "EXIF" or "XMP ")
            {
                var data = await bytes.ReadAsync(offset + 8, (int)size, cancellationToken);
                var exifStart = LocationData.StartsWith(data, "Exif\0\0") ? 6 : 0;
                patches.AddRange(type == "EXIF" ? LocationData.InExif(data.AsSpan(exifStart), offset + 8 + exifStart) : LocationData.InXmp(data, offset + 8));
            }

            offset += 8 + size + (size & 1);
        }

        return patches;
    }

    private static List<BytePatch> Application1(byte[] data, long dataOffset)
    {
        if (LocationData.StartsWith(data, "Exif\0\0"))
        {
            return LocationData.InExif(data.AsSpan(6), dataOffset + 6);
        }

        foreach (var ns in new[] { XmpNamespace, ExtendedXmpNamespace })
        {
            if (LocationData.StartsWith(data, ns))
            {
                return LocationData.InXmp(data.AsSpan(ns.Length), dataOffset + ns.Length);
            }
        }

        return [];
    }

    /// <summary>
    /// EXIF, XMP and raw-profile text chunks with location data: the data patched and the checksum written anew.
    /// Compressed text cannot be searched, so compressed XMP or profiles are blanked whole.
    /// </summary>
    private static async Task<List<BytePatch>> PngChunkAsync(ReceiptBytes bytes, long offset, string type, int length, CancellationToken cancellationToken)
    {
        if (type is not ("eXIf" or "tEXt" or "zTXt" or "iTXt"))
        {
            return [];
        }

        var data = await bytes.ReadAsync(offset + 8, length, cancellationToken);
        var keywordEnd = Array.IndexOf(data, (byte)0);
        var keyword = type == "eXIf" || keywordEnd < 0 ? "" : System.Text.Encoding.Latin1.GetString(data, 0, keywordEnd);
        var carriesMetadata = keyword == "XML:com.adobe.xmp" || keyword.StartsWith("Raw profile type", StringComparison.OrdinalIgnoreCase);
        var compressed = type == "zTXt" || (type == "iTXt" && keywordEnd + 1 < data.Length && data[keywordEnd + 1] == 1);
        var textStart = type == "iTXt" ? TextAfterLanguageTags(data, keywordEnd) : keywordEnd + 1;
        var inner = type switch
        {
            "eXIf" => LocationData.InExif(data, 0),
            _ when !carriesMetadata || textStart >= data.Length => [],
            _ when compressed => [new BytePatch(textStart, new byte[data.Length - textStart])],
            _ => LocationData.InXmp(data.AsSpan(textStart), textStart),
        };
        if (inner.Count == 0)
        {
            return [];
        }

        var patched = (byte[])data.Clone();
        foreach (var patch in inner)
        {
            patch.Bytes.CopyTo(patched, patch.Offset);
        }

        var typed = new byte[4 + patched.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        patched.CopyTo(typed, 4);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Of(typed));
        return [new BytePatch(offset + 8, patched), new BytePatch(offset + 8 + length, crc)];
    }

    /// <summary>Where an iTXt chunk's text starts: after the keyword, two flag bytes, the language tag and the translated keyword.</summary>
    private static int TextAfterLanguageTags(byte[] data, int keywordEnd)
    {
        var at = keywordEnd + 3;
        for (var zeros = 0; zeros < 2 && at < data.Length; at++)
        {
            zeros += data[at] == 0 ? 1 : 0;
        }

        return at;
    }
}
