namespace EopTools.Headers
{
    /// <summary>One header field of a message: its name, its unfolded value, and the line it starts on (from 1).</summary>
    internal sealed class HeaderField
    {
        public HeaderField(string name, string value, int line, int position)
        {
            Name = name;
            Value = value;
            Line = line;
            Position = position;
        }

        public string Name { get; }

        /// <summary>The value unfolded: line breaks taken out, the white space that began each continuation line kept.</summary>
        public string Value { get; }

        public int Line { get; }

        /// <summary>The field's place in the block, from 0 at the top (the newest header).</summary>
        public int Position { get; }

        public override string ToString() => Name + ": " + Value;
    }
}
