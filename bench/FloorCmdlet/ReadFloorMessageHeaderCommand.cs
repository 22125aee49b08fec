using System.IO;
using System.Management.Automation;
using System.Text;

namespace FloorCmdlet
{
    /// <summary>
    /// Plain .NET header reading, the floor of Test-EopMessageHeader: open each file, read lines with StreamReader up to
    /// the first empty line, write the header text as one object. No parsing, no answer.
    /// </summary>
    [Cmdlet(VerbsCommunications.Read, "FloorMessageHeader")]
    [OutputType(typeof(FloorObject))]
    public sealed class ReadFloorMessageHeaderCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        public string[] LiteralPath { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var text = new StringBuilder();
            foreach (string path in LiteralPath)
            {
                text.Clear();
                using (var reader = new StreamReader(path, Encoding.UTF8))
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null && line.Length > 0) text.Append(line).Append('\n');
                }
                WriteObject(new FloorObject(text.ToString()));
            }
        }
    }
}
