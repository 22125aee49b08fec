using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EopTools.IO;

namespace EopTools.Parsing.Json
{
    /// <summary>
    /// A small strict JSON reader (RFC 8259). Not System.Text.Json, for its assemblies, not for netstandard2.0: in
    /// Windows PowerShell 5.1 its System.Memory, System.Buffers and the like need binding redirects a module cannot
    /// set and clash with the versions other modules load; PowerShell 7 has already loaded its own System.Text.Json,
    /// so a module's copy of another version conflicts. This reader also gives errors with line and column.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _position;
        private int _line = 1;
        private int _lineStart;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses one JSON document; a syntax error throws <see cref="FormatException"/> naming line and column.</summary>
        public static JsonNode Parse(string text)
        {
            var reader = new JsonReader(text);
            reader._position = ByteOrderMark.LengthIn(text);
            JsonNode value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < reader._text.Length) throw reader.Error("unexpected text after the JSON value");
            return value;
        }

        private JsonNode ReadValue(int depth)
        {
            SkipWhitespace();
            if (_position >= _text.Length) throw Error("the JSON ends where a value was expected");
            if (depth > MaxDepth) throw Error("the JSON is nested too deeply");
            int line = _line;
            char c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth, line);
                case '[':
                    return ReadArray(depth, line);
                case '"':
                    return JsonNode.CreateScalar(JsonKind.String, line, ReadString());
                case 't':
                    ReadLiteral("true");
                    return JsonNode.CreateScalar(JsonKind.True, line, null);
                case 'f':
                    ReadLiteral("false");
                    return JsonNode.CreateScalar(JsonKind.False, line, null);
                case 'n':
                    ReadLiteral("null");
                    return JsonNode.CreateScalar(JsonKind.Null, line, null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return JsonNode.CreateScalar(JsonKind.Number, line, ReadNumber());
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private JsonNode ReadObject(int depth, int line)
        {
            _position++;
            var members = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return JsonNode.CreateObject(line, members);
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') throw Error("expected a member name in double quotes");
                int nameStart = _position;
                string name = ReadString();
                if (members.ContainsKey(name)) throw Error("the member '" + name + "' appears twice", nameStart - _position);
                SkipWhitespace();
                Expect(':');
                JsonNode value = ReadValue(depth + 1);
                members.Add(name, value);
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == '}') return JsonNode.CreateObject(line, members);
                if (next != ',') throw Error("expected ',' or '}' after a member", -1);
            }
        }

        private JsonNode ReadArray(int depth, int line)
        {
            _position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return JsonNode.CreateArray(line, items);
            }
            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == ']') return JsonNode.CreateArray(line, items);
                if (next != ',') throw Error("expected ',' or ']' after an array item", -1);
            }
        }

        private string ReadString()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length) throw Error("a string is not closed");
                char c = _text[_position++];
                if (c == '"') return builder.ToString();
                if (c < ' ') throw Error("a control character inside a string", -1);
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                if (_position >= _text.Length) throw Error("a string is not closed");
                char escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length ||
                            !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("'\\u' must be followed by four hex digits");
                        }
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error("unknown escape '\\" + escape + "'", -1);
                }
            }
        }

        private string ReadNumber()
        {
            int start = _position;
            if (Peek() == '-') _position++;
            if (Peek() == '0') _position++;
            else if (!ReadDigits()) throw Error("a number needs digits");
            if (Peek() == '.')
            {
                _position++;
                if (!ReadDigits()) throw Error("a number needs digits after '.'");
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                if (Peek() == '+' || Peek() == '-') _position++;
                if (!ReadDigits()) throw Error("a number needs digits in its exponent");
            }
            return _text.Substring(start, _position - start);
        }

        private bool ReadDigits()
        {
            int start = _position;
            while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9') _position++;
            return _position > start;
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0) throw Error("unexpected text; expected " + literal);
            _position += literal.Length;
        }

        private void Expect(char expected)
        {
            if (Peek() != expected) throw Error("expected '" + expected + "'");
            _position++;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _position + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }
                _position++;
            }
        }

        private FormatException Error(string message, int offset = 0)
        {
            int column = Math.Max(_position + offset, _lineStart) - _lineStart + 1;
            return new FormatException(string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}: {2}", _line, column, message));
        }
    }
}
