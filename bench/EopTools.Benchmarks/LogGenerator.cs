using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EopTools;
using EopTools.Index;
using EopTools.Ranges;
using static EopTools.Tests.ExchangeLogLayout;

/// <summary>
/// Exchange logs in their documented layouts (docs/record-sources.md), from a fixed seed: an SMTP receive protocol log
/// (sessions of six lines: connect, a quoted banner with commas, EHLO, MAIL FROM with a quoted display name, RCPT TO,
/// disconnect; restarted once half-way, so it has two header blocks) and a message tracking log (quoted subjects with
/// commas and doubled quotes, the original client on a fifth of the lines), and an IIS W3C log as Exchange's web
/// front end writes it (15 fields, spaces in user agents written as '+', a quote inside some). Senders come from a pool
/// of distinct addresses, 30% inside the EOP ranges and a tenth IPv6.
/// </summary>
internal static class LogGenerator
{
    private static readonly string[] Subjects =
    {
        "\"Invoice, November\"", "Weekly report", "\"Re: \"\"urgent\"\", please read\"", "Meeting notes", "\"Offer, final, signed\"", "Hello",
    };

    public static void Write(string folder, int protocolLines, int trackingLines, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        string[] senders = Senders(EopSession.Seed, random, 5000);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        WriteProtocolLog(Path.Combine(folder, "RECV2026110100-1.LOG"), protocolLines, senders, random, start);
        WriteTrackingLog(Path.Combine(folder, "MSGTRK2026110100-1.LOG"), trackingLines, senders, random, start);
        WriteIisLog(Path.Combine(folder, "u_ex261101.log"), trackingLines, senders, random, start);
    }

    private static readonly string[] IisRequests =
    {
        "POST /EWS/Exchange.asmx - 443 contoso\\ann",
        "GET /owa/ &ClientId=8C1F5D2E&encoding=utf-8 443 ann@contoso.com",
        "POST /Microsoft-Server-ActiveSync/default.eas Cmd=Sync&User=ann&DeviceId=ABC123&DeviceType=iPhone 443 contoso\\ann",
        "POST /mapi/emsmdb/ mailboxId=6f0e1a2b@contoso.com 443 contoso\\ann",
        "GET /autodiscover/autodiscover.json Email=ann@contoso.com&Protocol=ActiveSync 443 -",
    };

    private static readonly string[] UserAgents =
    {
        "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.17328;+Pro)",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/131.0.0.0+Safari/537.36",
        "Apple-iPhone15C2/2201.81",
        "Mozilla/5.0+(compatible;+\"scanner\";+'probe')",
    };

    private static void WriteIisLog(string path, int lines, string[] senders, Random random, DateTime start)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: " + start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "\r\n");
            writer.Write("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n");
            for (int written = 4; written < lines; written++)
            {
                string sender = senders[Skewed(random, senders.Length)];
                writer.Write(start.AddMilliseconds(written * 37L).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                writer.Write(" 10.0.0.5 ");
                writer.Write(IisRequests[random.Next(IisRequests.Length)]);
                writer.Write(' ');
                writer.Write(sender);
                writer.Write(' ');
                writer.Write(UserAgents[random.Next(UserAgents.Length)]);
                writer.Write(" - 200 0 0 ");
                writer.Write(random.Next(1, 900).ToString(CultureInfo.InvariantCulture));
                writer.Write("\r\n");
            }
        }
    }

    private static void WriteProtocolLog(string path, int lines, string[] senders, Random random, DateTime start)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            int written = 0;
            long session = 0x08DD000000000000;
            bool restarted = false;
            while (written < lines)
            {
                if (written == 0 || (!restarted && written >= lines / 2))
                {
                    restarted = written > 0;
                    writer.Write("#Software: Microsoft Exchange Server\r\n#Version: 15.02.1544.004\r\n#Log-type: SMTP Receive Protocol Log\r\n");
                    writer.Write("#Date: " + Time(start, written) + "\r\n" + ProtocolFields + "\r\n");
                    written += 5;
                }
                int senderIndex = Skewed(random, senders.Length);
                string sender = senders[senderIndex];
                string endpoint = (sender.IndexOf(':') >= 0 ? "[" + sender + "]" : sender) + ":" + random.Next(1024, 65536).ToString(CultureInfo.InvariantCulture);
                string id = (++session).ToString("X16", CultureInfo.InvariantCulture);
                string prefix = ",EX01\\Default Frontend EX01," + id + ",";
                string local = ",10.0.0.5:25," + endpoint + ",";
                // Named by its place in the pool: a string's hash code differs from process to process, and the logs must not.
                string host = "mail" + senderIndex.ToString(CultureInfo.InvariantCulture) + ".sender.example";
                string[] events =
                {
                    "+,,",
                    ">,\"220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Sun, 01 Nov 2026 00:00:00 +0000\",",
                    "<,EHLO " + host + ",",
                    "<,\"MAIL FROM:<\"\"Smith, Ann\"\"@" + host + "> SIZE=" + random.Next(1000, 90000).ToString(CultureInfo.InvariantCulture) + "\",",
                    "<,RCPT TO:<helpdesk@contoso.com>,",
                    "-,,Local",
                };
                for (int sequence = 0; sequence < events.Length && written < lines; sequence++)
                {
                    writer.Write(Time(start, written));
                    writer.Write(prefix);
                    writer.Write(sequence.ToString(CultureInfo.InvariantCulture));
                    writer.Write(local);
                    writer.Write(events[sequence]);
                    writer.Write("\r\n");
                    written++;
                }
            }
        }
    }

    private static void WriteTrackingLog(string path, int lines, string[] senders, Random random, DateTime start)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("#Software: Microsoft Exchange Server\r\n#Version: 15.02.1544.004\r\n#Log-type: Message Tracking Log\r\n#Date: " + Time(start, 0) + "\r\n" + TrackingFields + "\r\n");
            for (int written = 5; written < lines; written++)
            {
                int senderIndex = Skewed(random, senders.Length);
                string sender = senders[senderIndex];
                bool relayed = random.NextDouble() < 0.2;
                string client = relayed ? "10.0.0." + random.Next(6, 9).ToString(CultureInfo.InvariantCulture) : sender;
                string original = relayed ? sender : string.Empty;
                writer.Write(string.Join(",",
                    Time(start, written), client, "mail.sender.example", "10.0.0.5", "EX01", "08DD0001;250 2.0.0 OK", "EX01\\Default Frontend EX01", "SMTP", "RECEIVE",
                    written.ToString(CultureInfo.InvariantCulture), "<m" + written.ToString(CultureInfo.InvariantCulture) + "@sender.example>",
                    "6f0e1a2b-0000-0000-0000-" + written.ToString("D12", CultureInfo.InvariantCulture), "helpdesk@contoso.com", string.Empty, "5120", "1",
                    string.Empty, string.Empty, Subjects[random.Next(Subjects.Length)], "ann@sender.example", "ann@sender.example", string.Empty, "Incoming",
                    string.Empty, original, string.Empty, string.Empty, "Email", "1", "15.02.1544.004"));
                writer.Write("\r\n");
            }
        }
    }

    /// <summary>A few senders send most of the mail, as on a real server.</summary>
    private static int Skewed(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 2));

    private static string Time(DateTime start, int line) => start.AddMilliseconds(line * 37L).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string[] Senders(RangeIndex index, Random random, int count)
    {
        // The address generator's mix (30% EOP, a fifth IPv6) made distinct; IPv6 then thinned to a tenth.
        var distinct = new List<string>();
        var seen = new HashSet<string>();
        foreach (string address in AddressGenerator.Generate(index, count * 4, random.Next()))
        {
            if (address.IndexOf(':') >= 0 && random.NextDouble() < 0.5) continue;
            if (seen.Add(address)) distinct.Add(address);
            if (distinct.Count == count) break;
        }
        return distinct.ToArray();
    }
}
