using System;
using System.Text;
using EopTools.Parsing;
using EopTools.Ranges;
using Part = EopTools.Headers.ReceivedFields.Part;

namespace EopTools.Headers
{
    /// <summary>
    /// Reads one unfolded Received: value (RFC 5321 section 4.4 and what real servers write): the from, by, via, with, id
    /// and for clauses, the connecting address from the TCP-info comment in every common form ("(host [1.2.3.4])",
    /// "(1.2.3.4)", "[IPv6:2a01:...]", "(EHLO x) (1.2.3.4)", "([1.2.3.4] helo=x)", "(user@[1.2.3.4])", with or
    /// without a port), and the time after the last ';'. One pass to cut the value into tokens, one over the tokens.
    /// </summary>
    internal static class ReceivedParser
    {
        private enum Clause
        {
            None,
            From,
            By,
            Via,
            With,
            Id,
            For,
        }

        private enum TokenKind
        {
            Word,
            Comment,
            Semicolon,
        }

        private readonly struct Token
        {
            public Token(TokenKind kind, int start, int end)
            {
                Kind = kind;
                Start = start;
                End = end;
            }

            public TokenKind Kind { get; }

            /// <summary>For a comment, the text inside the outer parentheses.</summary>
            public int Start { get; }

            public int End { get; }
        }

        public static ReceivedFields Parse(string value)
        {
            var fields = new ReceivedFields(value);
            // Two passes of the tokens, which keeps them unstored: the first finds the last ';', the second reads the clauses before it.
            var tokens = new Tokens(value, 0);
            int count = 0, lastSemicolon = -1, dateStart = -1;
            while (tokens.Next(out Token token))
            {
                if (token.Kind == TokenKind.Semicolon)
                {
                    lastSemicolon = count;
                    dateStart = token.End;
                }
                count++;
            }
            string? problem = tokens.Problem;

            Clause clause = Clause.None;
            int fromComments = 0;
            Part via = Part.None, with = Part.None;
            int end = lastSemicolon < 0 ? count : lastSemicolon;
            tokens = new Tokens(value, 0);
            for (int i = 0; i < end; i++)
            {
                tokens.Next(out Token token);
                if (token.Kind == TokenKind.Semicolon) continue;
                if (token.Kind == TokenKind.Comment)
                {
                    if (clause == Clause.From && !fields.ByPart.IsSet) problem ??= ReadTcpInfo(value, token, ref fields, fromComments++ == 0);
                    continue;
                }
                Clause keyword = KeywordOf(value, token);
                if (keyword != Clause.None)
                {
                    clause = keyword;
                    continue;
                }
                switch (clause)
                {
                    case Clause.From:
                        if (!fields.FromPart.IsSet) fields.FromPart = new Part(token.Start, token.End);
                        break;
                    case Clause.By:
                        if (!fields.ByPart.IsSet) fields.ByPart = new Part(token.Start, token.End);
                        break;
                    case Clause.Via:
                        via = new Part(via.IsSet ? via.Start : token.Start, token.End);
                        break;
                    case Clause.With:
                        with = new Part(with.IsSet ? with.Start : token.Start, token.End);
                        break;
                    case Clause.Id:
                        if (!fields.IdPart.IsSet) fields.IdPart = new Part(token.Start, token.End);
                        break;
                    case Clause.For:
                        if (!fields.ForPart.IsSet) fields.ForPart = Unbracket(value, token);
                        break;
                }
            }
            fields.ViaPart = via;
            fields.WithPart = with;

            // "from [192.0.2.1]" or qmail-scanner's "from 192.0.2.1": the name is the address when no comment gave one.
            Part from = fields.FromPart;
            if (fields.Address == null && from.IsSet &&
                (value[from.Start] == '[' ? TryLiteral(from.In(value)!, out IpAddressValue fromAddress, out int port) : TryAddress(value, from.Start, from.End, out fromAddress, out port)))
            {
                fields.Address = fromAddress;
                fields.AddressPart = from;
                fields.Port = port;
            }

            if (lastSemicolon < 0)
            {
                problem ??= "no ';' before a date";
            }
            else
            {
                if (!MailDate.TryParse(value, dateStart, value.Length, out DateTime time, out string? dateError))
                {
                    problem ??= "the date '" + value.Substring(dateStart).Trim() + "' cannot be read: " + dateError;
                }
                else
                {
                    fields.Time = time;
                }
            }
            if (!from.IsSet && !fields.ByPart.IsSet) problem ??= "no 'from' or 'by' clause";
            fields.Problem = problem;
            return fields;
        }

        /// <summary>
        /// The words of a clause that may be written in several words or several times (via, with), joined by one space:
        /// the words from the part's start to its end that belong to that clause, read again as <see cref="Parse"/> read them.
        /// </summary>
        internal static string ClauseWords(string value, Part part, bool via)
        {
            Clause wanted = via ? Clause.Via : Clause.With, clause = wanted;
            var words = new StringBuilder(part.End - part.Start);
            var tokens = new Tokens(value, part.Start);
            while (tokens.Next(out Token token) && token.Start < part.End)
            {
                if (token.Kind != TokenKind.Word) continue;
                Clause keyword = KeywordOf(value, token);
                if (keyword != Clause.None) clause = keyword;
                else if (clause == wanted)
                {
                    if (words.Length > 0) words.Append(' ');
                    words.Append(value, token.Start, token.End - token.Start);
                }
            }
            return words.ToString();
        }

        /// <summary>Cuts the value into words, comments and semicolons, one at a time; <see cref="Problem"/> says what was unbalanced, if anything.</summary>
        private struct Tokens
        {
            private readonly string _value;
            private int _i;

            public Tokens(string value, int start)
            {
                _value = value;
                _i = start;
                Problem = null;
            }

            public string? Problem { get; private set; }

            public bool Next(out Token token)
            {
                string value = _value;
                int i = _i;
                while (i < value.Length && (value[i] == ' ' || value[i] == '\t' || value[i] == '\r' || value[i] == '\n')) i++;
                if (i == value.Length)
                {
                    _i = i;
                    token = default;
                    return false;
                }
                char c = value[i];
                if (c == ';')
                {
                    token = new Token(TokenKind.Semicolon, i, i + 1);
                    _i = i + 1;
                    return true;
                }
                if (c == '(')
                {
                    int depth = 1, j = i + 1;
                    while (j < value.Length && depth > 0)
                    {
                        char d = value[j];
                        if (d == '\\') j++;
                        else if (d == '(') depth++;
                        else if (d == ')') depth--;
                        j++;
                    }
                    if (depth > 0)
                    {
                        // The rest is the comment: a date written after an unclosed comment is not a date.
                        token = new Token(TokenKind.Comment, i + 1, value.Length);
                        Problem = "a comment opened at character " + (i + 1) + " is not closed";
                        _i = value.Length;
                        return true;
                    }
                    token = new Token(TokenKind.Comment, i + 1, j - 1);
                    _i = j;
                    return true;
                }
                int start = i;
                while (i < value.Length)
                {
                    c = value[i];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ';') break;
                    char close = c == '[' ? ']' : c == '<' ? '>' : c == '"' ? '"' : '\0';
                    if (close != '\0')
                    {
                        int closing = value.IndexOf(close, i + 1);
                        if (closing < 0)
                        {
                            token = new Token(TokenKind.Word, start, value.Length);
                            Problem = "'" + c + "' at character " + (i + 1) + " is not closed";
                            _i = value.Length;
                            return true;
                        }
                        i = closing;
                    }
                    i++;
                }
                token = new Token(TokenKind.Word, start, i);
                _i = i;
                return true;
            }
        }

        private static readonly string[] Keywords = { "from", "by", "via", "with", "id", "for" };

        private static readonly Clause[] KeywordClauses = { Clause.From, Clause.By, Clause.Via, Clause.With, Clause.Id, Clause.For };

        private static Clause KeywordOf(string value, Token token)
        {
            int length = token.End - token.Start;
            for (int k = 0; k < Keywords.Length; k++)
            {
                if (Keywords[k].Length == length && IsLowerCaseOf(value, token.Start, Keywords[k])) return KeywordClauses[k];
            }
            return Clause.None;
        }

        /// <summary>Whether the text at <paramref name="start"/> lower-cased (invariant) is <paramref name="word"/>.</summary>
        internal static bool IsLowerCaseOf(string text, int start, string word)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (char.ToLowerInvariant(text[start + i]) != word[i]) return false;
            }
            return true;
        }

        /// <summary>
        /// Reads a comment of the from clause: the address (the first one found in any of them), the HELO it names, and
        /// in the first comment the reverse DNS name. Returns a problem when an address literal is not an address.
        /// </summary>
        private static string? ReadTcpInfo(string value, Token comment, ref ReceivedFields fields, bool first)
        {
            int i = comment.Start;
            bool heloNext = false;
            while (i < comment.End)
            {
                char c = value[i];
                if (c == ' ' || c == '\t' || c == ',' || c == '(' || c == ')' || c == '\r' || c == '\n')
                {
                    i++;
                    continue;
                }
                int start = i;
                while (i < comment.End && !(value[i] == ' ' || value[i] == '\t' || value[i] == ',' || value[i] == '(' || value[i] == ')' || value[i] == '\r' || value[i] == '\n')) i++;
                int end = i;
                if (heloNext)
                {
                    if (!fields.HeloPart.IsSet) fields.HeloPart = new Part(start, end);
                    heloNext = false;
                    continue;
                }
                int length = end - start;
                if (length == 4 && (string.Compare(value, start, "helo", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 ||
                                    string.Compare(value, start, "ehlo", 0, 4, StringComparison.OrdinalIgnoreCase) == 0))
                {
                    heloNext = true;
                    continue;
                }
                if (length > 5 && string.Compare(value, start, "helo=", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    if (!fields.HeloPart.IsSet) fields.HeloPart = new Part(start + 5, end);
                    continue;
                }
                int open = value.IndexOf('[', start, length);
                if (open >= 0)
                {
                    int close = value.IndexOf(']', open, end - open);
                    if (close < 0) return "the address literal '" + value.Substring(open, end - open) + "' is not closed";
                    int literalEnd = close + 1;
                    // A port after the literal: "[192.0.2.1]:25".
                    if (literalEnd < end && value[literalEnd] == ':') literalEnd = end;
                    if (fields.Address != null) continue;
                    string literal = value.Substring(open, literalEnd - open);
                    if (!TryLiteral(literal, out IpAddressValue address, out int port)) return "the address literal '" + literal + "' is not an address";
                    fields.Address = address;
                    fields.AddressPart = new Part(open, literalEnd);
                    fields.Port = port;
                    continue;
                }
                if (TryAddress(value, start, end, out IpAddressValue bare, out int barePort))
                {
                    if (fields.Address == null)
                    {
                        fields.Address = bare;
                        fields.AddressPart = new Part(start, end);
                        fields.Port = barePort;
                    }
                    continue;
                }
                if (first && !fields.FromHostPart.IsSet && LooksLikeHostName(value, start, end)) fields.FromHostPart = new Part(start, end);
            }
            return null;
        }

        /// <summary>An address literal: "[192.0.2.1]", "[IPv6:2001:db8::1]", "[2001:db8::1]", with or without ":port" after it.</summary>
        private static bool TryLiteral(string literal, out IpAddressValue address, out int port)
        {
            string parsed = literal.StartsWith("[IPv6:", StringComparison.OrdinalIgnoreCase) ? "[" + literal.Substring(6) : literal;
            int close = parsed.IndexOf(']');
            // AddressInput keeps brackets for IPv6 only: an IPv4 literal is read without them.
            if (close > 1 && parsed.IndexOf(':', 1, close - 1) < 0) parsed = parsed.Substring(1, close - 1) + parsed.Substring(close + 1);
            return TryAddress(parsed, 0, parsed.Length, out address, out port);
        }

        private static bool TryAddress(string text, int start, int end, out IpAddressValue address, out int port)
        {
            // Strict: AddressInput refuses short, octal and hex forms, prefixes and trailing text.
            return AddressInput.TryParse(text, start, end, out address, out port, out _);
        }

        private static bool LooksLikeHostName(string value, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) return false;
            }
            return true;
        }

        /// <summary>The for clause's address without its angle brackets.</summary>
        private static Part Unbracket(string value, Token word) =>
            word.End - word.Start >= 2 && value[word.Start] == '<' && value[word.End - 1] == '>' ? new Part(word.Start + 1, word.End - 1) : new Part(word.Start, word.End);
    }
}
