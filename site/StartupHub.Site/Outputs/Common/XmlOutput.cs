using System.Text;
using System.Xml;

namespace StartupHub.Site.Outputs.Common;

internal static class XmlOutput
{
    /// <summary>UTF-8 without BOM, indented, LF line endings: byte-identical across platforms and builds.</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new ChunkedBuffer();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
