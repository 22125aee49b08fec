@{
    Synopsis    = 'Reads Exchange protocol and message tracking logs, IIS logs and message trace exports, and tells which lines and senders are from outside Exchange Online Protection (EOP).'
    Description = @(
        'Search-EopLog reads log files itself, line by line, and answers the address of every line from the session''s EOP ranges (the same index as Test-EopIpAddress). It streams: records are written as the files are read, and memory stays flat however large the files are. Before locking a receive connector or a firewall down to EOP, it tells who else sends to your servers; after, it tells whether anything still bypasses EOP.'
        'The format is detected from each file: ''#Fields:'' headers as Exchange writes them (SMTP receive and send protocol logs RECV*.LOG and SEND*.LOG, message tracking logs MSGTRK*.LOG, comma-separated with quoted values), IIS W3C logs (u_ex*.log, space-separated: a run of spaces separates as one, and a value in quotes, as IIS Advanced Logging writes user agents and even c-ip, is read without its quotes, "" being a quote in it), and CSV files with a header row (message trace exports). A log that was restarted, with several header blocks in one file, is read with each block''s own columns. Quoted values with commas and doubled quotes are read as RFC 4180 says; addresses may be written as ip, ip:port or [ipv6]:port.'
        'The address field is chosen per line, in the same order as Test-EopIpAddress: the original client before the client (original-client-ip, then client-ip on a tracking log; original_client_ip, then client_ip on a trace report), then FromIP, SenderIp, c-ip (IIS), remote-endpoint (protocol logs), CIP, IP and IPAddress. A field that is empty or ''-'' falls through to the next. -Field names the fields yourself.'
        'By default it writes one EopTools.EopLogRecord per line with an address: Path, LineNumber, Timestamp (UTC), IPAddress, Port, IsEop, Range, Region, Field (the column the address came from), LogType, Line (the text as written; the default table shows Timestamp, IPAddress, IsEop, Range and LineNumber) and Values (the line''s values by column name, split only when you ask for them). -Summary writes one EopTools.EopLogSummary per distinct address instead: Lines, Sessions (protocol-log connections), FirstSeen, LastSeen, HostNames (EHLO or HELO names, client-hostname) and the files, sorted by line count.'
        'Nothing read is dropped silently. A line with the wrong number of fields (or broken quoting, or a last line cut off while the log was written) is skipped, with one warning per file that gives the count and the first line number. A value in the address field that is not an address is counted in a warning per file and appears in -Summary as a row whose IsAddress is false (up to 1,000 such values, each with all its lines; with more, the same 1,000 are kept however many threads read the files). A file without a header is the non-terminating error LogFileHasNoHeader (unless -Header gives its columns), a header without an address field is LogFileHasNoAddressField, a missing file LogFileNotFound, an empty file or what is not a regular file (a device such as /dev/zero, a pipe) LogFileEmpty, refused before it is opened, a file that cannot be opened LogFileUnreadable, one that fails part-way LogFileReadFailed; the other files are still read. -Verbose prints, per file, the lines read and how they add up: headers, malformed, outside -Start and -End, without an address, not an address, answered.'
        '-Start and -End keep the lines of a time window, as Get-MessageTrackingLog does: the times in the logs are UTC; a time you give with a zone or Z is taken as such, one without (Get-Date, ''2026-11-01'') as local time. With either, a line whose time cannot be read is left out too, and counted; when they leave out every line of a file, a warning names the file and the times its lines have, so that no output never reads as nothing found.'
        'Times are read as ISO 8601 (Exchange and IIS write them so) and, for exports such as a message trace saved with Export-Csv, as the session''s culture and the invariant culture write them (27.11.2026 09:14:03 in de-DE, 05/11/2026 10:00:00 in en-GB, 11/5/2026 10:00:00 AM in en-US), taken as UTC. A time that two of these read as different times (05/11/2026: 5 November or 11 May) is not guessed: it is left empty, with one warning per file that gives the count, the first line and both readings; a time none of them reads is left empty with a warning too. -Culture names the culture a file from elsewhere was written in. A W3C log with a time field but no date field (IIS 6 could be set up so) takes the day from the ''#Date:'' directive before each line (yyyy-MM-dd HH:mm:ss, UTC, as the Extended Log File Format writes it): a line''s time is that day''s time of day. No day is guessed when the time of day goes back without a new ''#Date:'' (the format defines no roll-over, and IIS starts a new file, with its own ''#Date:'', each day). A ''#Date:'' that does not read so leaves the lines up to the next one without a time, with a warning (UnreadableLogDateDirective) naming the file and line; in a log with a date field ''#Date:'' is not used.'
    )
    Parameters  = @{
        Path          = 'The log files to read. Wildcards are expanded (RECV*.LOG); several paths may be given. A folder is the error LogPathIsFolder: give the files in it. Files are refused and worded as every file the module reads (see about_EopTools, Files); a log has no size limit, a line over 1 MB is skipped as malformed, and Ctrl+C stops the reading within a second.'
        LiteralPath   = 'The log files, taken exactly as typed (wildcard characters such as [ and ] are part of the name). Files piped from Get-ChildItem bind here through their PSPath property.'
        Field         = 'The address fields to read, in order; on each line the first that has a value (not empty, not ''-'') is the address. Without it, the known address fields are read in the order the description gives. A header that has none of them is the error LogFileHasNoAddressField.'
        Header        = 'The column names of files that have no header of their own (no ''#Fields:'' line and no CSV header row), as Import-Csv -Header takes them. The first line is then data. Commas or spaces separate the values, whichever splits the first line into these columns.'
        Culture       = 'The culture the files write times in, such as de-DE or en-GB (tab completes the names), when it is not the session''s: a CSV exported on a server set to another culture. Times are then read as ISO 8601 or in that culture only, so 05/11/2026 with -Culture en-GB is 5 November, without a warning.'
        Eop           = 'Keeps only the lines, or with -Summary the addresses, in the EOP ranges; records for the others are not created.'
        NotEop        = 'Keeps only the lines, or with -Summary the addresses, outside the EOP ranges (and, with -Summary, the values that are not addresses); records for EOP lines are not created. Cannot be used with -Eop (the error EopAndNotEopTogether).'
        Summary       = 'Writes one EopTools.EopLogSummary per distinct address instead of a record per line, sorted by line count (most first). Its memory grows with the number of distinct addresses only.'
        Start         = 'Keeps only the lines whose time is this time or later. A time without a zone is local time, as Get-MessageTrackingLog -Start takes it; the logs'' UTC times are compared in UTC. A line without a readable time is not kept when -Start or -End is given. The lines left out are counted in the -Verbose totals.'
        End           = 'Keeps only the lines whose time is before this time (the time itself is not included, so -Start (Get-Date).Date.AddDays(-1) -End (Get-Date).Date is yesterday). A -Start that is not before -End is the error StartNotBeforeEnd.'
        ThrottleLimit = 'How many threads read the files (default: the number of processors). Files are cut into parts of whole lines that any thread reads, so one large file uses every thread: parts of 2 MB for records; with -Summary, when there are fewer files than threads, a part per thread of each file of 2 MB or more. The output is in file and line order whatever the value.'
    }
    Inputs      = @(
        @{ Type = 'System.IO.FileInfo'; Description = 'Files from Get-ChildItem bind to -LiteralPath through their PSPath property.' }
        @{ Type = 'System.String'; Description = 'Paths, with wildcards, bind to -Path.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopLogRecord'; Description = 'One per line with an address, in file and line order. FormerRange: for an address that is not EOP now but was in older data the module keeps, the range that held it there (EopTools.EopFormerRange: Prefix, Range, Data, Date, DataSet; its text, in a string and an Export-Csv cell, is like 40.92.0.0/14 (embedded page, 2018-08-02)). The older data is the cache''s previous data (previous.cache: what the cache held before its ranges last changed), then the 2018 page embedded in EopTools. While the session answers from that page (before the first Update-EopIpRange) there is nothing older, and FormerRange is always empty; the view''s Range column then says was 40.92.0.0/14.' }
        @{ Type = 'EopTools.EopLogSummary'; Description = 'With -Summary, one per distinct address (or value that is not an address), most lines first. FormerRange as for a record; the view''s IsEop column then says Was.' }
    )
    Notes       = @(
        'Files are opened for reading with sharing for writing and deletion, so today''s log, which Exchange or IIS still writes, can be read.'
        'Files are read as UTF-8, as Exchange and IIS write them; a file whose byte order mark says UTF-16 or UTF-32 (a report saved by another tool) is read in that encoding.'
        'A record is a small object that shows its line''s data, kept side by side with that of the 4,096 lines read with it (about 200 KB), and its line''s text, kept in a 96 KB block shared with the lines around it; its time, address and port are read again from that text when asked for. Keeping a few records out of millions filtered downstream holds up to about 300 KB each. -NotEop and -Eop choose before records are made.'
        'The answer is as good as the data: run Update-EopIpRange first to test against the current ranges of the Microsoft 365 web service rather than the embedded 2018 page.'
        'Sessions counts a protocol log''s connect events (''+''); a session that began in an earlier file is counted there. HostNames keeps at most 16 names per address.'
        'Every server''s logs: run Search-EopLog -Summary on each server with Invoke-Command, and merge the rows with Merge-EopLogSummary (Get-Help Merge-EopLogSummary -Examples: servers with the module, Edge servers, and servers without it, to which the module''s files travel as an argument of Invoke-Command).'
    )
    Examples    = @(
        @{
            Title   = 'Lock-down audit: who connected to the receive connectors from outside EOP in the last 30 days'
            Code    = @'
Get-ChildItem (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') |
    Where-Object LastWriteTime -GT (Get-Date).AddDays(-30) |
    Search-EopLog -NotEop -Summary
'@
            Remarks = 'One row per sender that is not EOP, most lines first, with its sessions, when it was last seen and the names it announced in EHLO. Before you restrict the connector''s RemoteIPRanges to Get-EopIpRange, each of these senders needs its own connector or a path through EOP. The output below is for a receive log of today with two sessions from 203.0.113.9 (EHLO scanner.contoso.com), three from 40.92.70.1 (EOP, left out by -NotEop) and one from 198.51.100.20, beside a log last written 40 days ago (left out by Where-Object); HostNames is cut at 80 columns (Format-List shows it whole).'
            Output  = @'
Remote                       Lines Sessions IsEop LastSeen         HostNames
------                       ----- -------- ----- --------         ---------
203.0.113.9                      8        2 False 2026-11-27 10:00 scanner.cont…
198.51.100.20                    4        1 False 2026-11-27 10:00 crm.fabrikam…
'@
        }
        @{
            Title   = 'Bypass check after the lock-down: mail received over SMTP from outside EOP'
            Code    = @'
Search-EopLog -Path (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/MessageTracking/MSGTRK*.LOG') -NotEop |
    Where-Object { $_.Values.'event-id' -eq 'RECEIVE' -and $_.Values.source -eq 'SMTP' -and $_.Values.directionality -eq 'Incoming' } |
    Select-Object Timestamp, IPAddress, @{ n = 'Sender'; e = { $_.Values.'sender-address' } }, @{ n = 'Subject'; e = { $_.Values.'message-subject' } }
'@
            Remarks = 'Tracking logs name the original client before the client, so a message relayed inside the organisation is judged by the host that first sent it. Values are split from the line only for the lines that reach Where-Object. The output below is for a tracking log with a RECEIVE over SMTP relayed by EX02 (10.0.0.6) for 203.0.113.50, one straight from EOP (104.47.1.1, left out by -NotEop) and a DELIVER event; the time is shown as an en-US console shows it.'
            Output  = @'
Timestamp              IPAddress    Sender           Subject
---------              ---------    ------           -------
11/27/2026 10:00:00 AM 203.0.113.50 ann@fabrikam.com Invoice, November
'@
        }
        @{
            Title   = 'Which senders in a message trace export did not come through EOP'
            Code    = @'
Search-EopLog -Path .\MTSummary_Report.csv -NotEop | ForEach-Object { '{0} {1}' -f $_.IPAddress, $_.Values.sender_address }
'@
            Remarks = 'A CSV export with a header row is detected as such; the address is read from original_client_ip, then client_ip. The output below is for a report of three messages: one received from EOP (40.92.70.1), one from b@example.net at 203.0.113.5, and one sent out from 2a01:111:f403:c000::25 (EOP).'
            Output  = '203.0.113.5 b@example.net'
        }
        @{
            Title   = 'One hour of the tracking logs'
            Code    = @'
Search-EopLog (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/MessageTracking/MSGTRK*.LOG') -Start '2026-11-27T10:01:00Z' -End '2026-11-27T11:00:00Z' |
    Select-Object Timestamp, IPAddress, IsEop
'@
            Remarks = 'The logs'' times are UTC: a time written with Z is UTC, one without is your local time. Only the lines from 10:01 up to (not including) 11:00 UTC are read further. The output below is for a tracking log with lines at 10:00, 10:01 and 10:02 UTC: the first is left out. Timestamp is UTC, shown as an en-US console shows a date.'
            Output  = @'
Timestamp              IPAddress  IsEop
---------              ---------  -----
11/27/2026 10:01:00 AM 104.47.1.1  True
11/27/2026 10:02:00 AM 10.0.0.6   False
'@
        }
        @{
            Title   = 'A log without a header'
            Code    = @'
Search-EopLog -Path .\relay.log -Header time, client, recipient -Field client -Summary | Select-Object Remote, Lines, IsEop
'@
            Remarks = '-Header names the columns of a file that has none of its own, and -Field the one that holds the address. -Header also takes the header line pasted as one text (''#Fields: time,client,recipient''). The output below is for a relay.log of three lines: two from 203.0.113.5 and one from 40.92.70.1.'
            Output  = @'
Remote      Lines IsEop
------      ----- -----
203.0.113.5     2 False
40.92.70.1      1  True
'@
        }
    )
    Links       = @('Merge-EopLogSummary', 'about_EopTools', 'Test-EopIpAddress', 'Get-EopIpRange', 'Update-EopIpRange')
}
