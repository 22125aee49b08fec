using System;

namespace EopTools.Headers
{
    /// <summary>The message's own headers (Message-ID, Subject, From, To, Date), read once for the result.</summary>
    internal sealed class MessageSummary
    {
        public MessageSummary(string? messageId, string? subject, string? from, string? to, DateTime? date)
        {
            MessageId = messageId;
            Subject = subject;
            From = from;
            To = to;
            Date = date;
        }

        public string? MessageId { get; }

        public string? Subject { get; }

        public string? From { get; }

        public string? To { get; }

        public DateTime? Date { get; }

        public static MessageSummary Of(HeaderBlock block)
        {
            string? date = block.First("Date")?.Value;
            DateTime? utc = date != null && MailDate.TryParse(date, 0, date.Length, out DateTime parsed, out _) ? parsed : (DateTime?)null;
            string? subject = block.First("Subject")?.Value;
            string? from = block.First("From")?.Value;
            return new MessageSummary(block.First("Message-ID")?.Value, subject == null ? null : EncodedWords.Decode(subject),
                from == null ? null : EncodedWords.Decode(from), block.First("To")?.Value, utc);
        }
    }
}
