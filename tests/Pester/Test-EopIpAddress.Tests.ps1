BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    # A new session over an empty cache uses the embedded 2018 page, and says so once.
    $null = Get-EopIpRange -WarningVariable sessionWarnings -WarningAction SilentlyContinue
    Assert-SeedWarning $sessionWarnings
}

Describe 'Test-EopIpAddress' {
    Context 'Answers' {
        It 'finds 40.92.70.1 in 40.92.0.0/14 and the Americas table' {
            $result = Test-EopIpAddress 40.92.70.1
            $result | Should -BeOfType ([EopTools.EopIpTestResult])
            $result.Input | Should -Be '40.92.70.1'
            $result.IPAddress | Should -Be ([ipaddress]'40.92.70.1')
            $result.IsEop | Should -BeTrue
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            @($result.Region) | Should -Be @('Americas')
            $result.DataSet.Source | Should -Be 'embedded seed'
        }

        It 'finds 40.92.130.1 in the APAC table' {
            $result = Test-EopIpAddress 40.92.130.1
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            @($result.Region) | Should -Be @('APAC')
        }

        It 'lists every regional table that contains an address' {
            @((Test-EopIpAddress '2a01:111:f400:7c00::25').Region) | Should -Be @('Americas', 'APAC')
        }

        It 'writes the tables through Export-Csv as their names joined by "; "' {
            $result = Test-EopIpAddress '2a01:111:f400:7c00::25', 8.8.8.8
            $result[0].Region[1] | Should -Be 'APAC'
            (($result | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).Region) | Should -Be @('Americas; APAC', '')
        }

        It 'says 8.8.8.8 is not EOP' {
            $result = Test-EopIpAddress 8.8.8.8
            $result.IsEop | Should -BeFalse
            $result.Range | Should -BeNull
            $result.Region.Count | Should -Be 0
            "$result" | Should -Be '8.8.8.8 is not EOP'
        }

        It 'answers <Address> at the edge of 40.92.0.0/14 with <IsEop>' -ForEach @(
            @{ Address = '40.91.255.255'; IsEop = $false }
            @{ Address = '40.92.0.0'; IsEop = $true }
            @{ Address = '40.95.255.255'; IsEop = $true }
            @{ Address = '40.96.0.0'; IsEop = $false }
            @{ Address = '52.238.78.87'; IsEop = $false }
            @{ Address = '52.238.78.88'; IsEop = $true }
            @{ Address = '52.238.78.89'; IsEop = $false }
            @{ Address = '2a01:111:f403::'; IsEop = $true }
            @{ Address = '2a01:111:f403:ffff:ffff:ffff:ffff:ffff'; IsEop = $true }
            @{ Address = '2a01:111:f404::'; IsEop = $false }
        ) {
            (Test-EopIpAddress $Address).IsEop | Should -Be $IsEop
        }

        It 'declares both output types' {
            (Get-Command Test-EopIpAddress).OutputType.Type | Sort-Object Name | Should -Be @([bool], [EopTools.EopIpTestResult])
        }
    }

    Context 'View' {
        BeforeAll {
            $widest = Join-Path $TestDrive 'widest.txt'
            Set-Content -LiteralPath $widest -Value '255.255.255.255/32', '213.199.180.128/26', '2001:db8::/32'
            $script:Mixed = @(Test-EopIpAddress '23.103.132.1:65535', '[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535', '40.92.70.1', '104.47.20.5',
                    '[2a01:111:f400:7c00::25]:25', '8.8.8.8')
            # Data without regional tables, as the web service's.
            $script:WidestResults = @(Test-EopIpAddress '255.255.255.255:65535', '2001:db8:ffff:ffff:ffff:ffff:ffff:fffe', '213.199.180.129' -Path $widest)
        }

        It 'shows IsEop, Input and Range, and every IPv4 value whole in <_> columns, with IPv6 inputs in the data' -ForEach 79, 80 {
            # No Region column, even for the embedded page's regional tables: Format-List shows Region.
            $rows = Get-FittedViewRow $Mixed $_
            $rows | Should -Contain 'IsEop Input Range'
            $rows | Should -Contain 'True 23.103.132.1:65535 23.103.132.0/22'
            $rows | Should -Contain 'True 40.92.70.1 40.92.0.0/14'
            $rows | Should -Contain 'True 104.47.20.5 104.47.0.0/17'
            $rows | Should -Contain 'False 8.8.8.8'
        }

        It 'shows every IPv4 value whole in <_> columns for data without regional tables too' -ForEach 79, 80 {
            $rows = @(Get-FittedViewRow $WidestResults $_ | Where-Object { $_ })
            $rows[0..1] | Should -Be @('IsEop Input Range', '----- ----- -----')
            $rows | Should -Contain 'True 255.255.255.255:65535 255.255.255.255/32'
            $rows | Should -Contain 'True 213.199.180.129 213.199.180.128/26'
        }

        It 'keeps an IPv4 input whole that comes after narrower ones, as from a paged message trace' {
            # Without widths, PowerShell sizes a table by the rows of its first 300 ms and the one after: later wider ones are cut.
            $rows = & { Test-EopIpAddress 8.8.8.8; Start-Sleep -Milliseconds 500; Test-EopIpAddress 8.8.4.4, '23.103.132.1:65535' } |
                Out-String -Width 80 | ForEach-Object { $_ -split '\r?\n' -replace '\s+', ' ' }
            $rows | Should -Contain 'True 23.103.132.1:65535 23.103.132.0/22'
        }

        It 'gives IPv6 inputs room on a wider console' {
            $rows = Get-ViewRow $Mixed 140
            $rows | Should -Contain 'True [2a01:111:f400:7c00::25]:25 2a01:111:f400:7c00::/54'
            $rows | Should -Contain 'False [2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535'
            Get-ViewRow $WidestResults 140 | Should -Contain 'True 2001:db8:ffff:ffff:ffff:ffff:ffff:fffe 2001:db8::/32'
        }
    }

    Context 'Input binding' {
        It 'takes an array argument' {
            (Test-EopIpAddress -IPAddress '40.92.70.1', '8.8.8.8').IsEop | Should -Be @($true, $false)
        }

        It 'takes piped strings' {
            ('40.92.70.1', '8.8.8.8' | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
        }

        It 'takes IPAddress objects, piped and as an argument' {
            ([ipaddress]'40.92.70.1', [ipaddress]'8.8.8.8' | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
            (Test-EopIpAddress -IPAddress ([ipaddress]'104.47.20.5')).Range.Prefix | Should -Be '104.47.0.0/17'
        }

        It 'takes an object with a <Name> property holding a <Kind>' -ForEach @(
            foreach ($name in 'OriginalClientIp', 'original_client_ip', 'original-client-ip', 'ClientIp', 'client_ip', 'client-ip', 'FromIP', 'SenderIP', 'c-ip', 'remote-endpoint', 'CIP', 'IP', 'IPAddress') {
                @{ Name = $name; Kind = 'string'; Value = '40.92.70.1' }
                @{ Name = $name; Kind = 'IPAddress'; Value = [ipaddress]'40.92.70.1' }
            }
        ) {
            $result = [pscustomobject]@{ $Name = $Value; Other = 'x' } | Test-EopIpAddress
            $result.Input | Should -Be '40.92.70.1'
            $result.Property | Should -BeExactly $Name
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'binds -<Alias> by name' -ForEach @(
            foreach ($alias in 'OriginalClientIp', 'original_client_ip', 'original-client-ip', 'ClientIp', 'client_ip', 'client-ip', 'FromIP', 'SenderIP', 'c-ip', 'remote-endpoint', 'CIP', 'IP') {
                @{ Alias = $alias }
            }
        ) {
            $parameters = @{ $Alias = '40.92.70.1' }
            (Test-EopIpAddress @parameters).Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'takes <Text> from a log and tests <Expected>' -ForEach @(
            @{ Text = '40.92.70.1:25'; Expected = '40.92.70.1' }
            @{ Text = '[2a01:111:f403::1]:25'; Expected = '2a01:111:f403::1' }
            @{ Text = 'fe80::1%12'; Expected = 'fe80::1' }
            @{ Text = '::ffff:40.92.70.1'; Expected = '40.92.70.1' }
        ) {
            $result = Test-EopIpAddress $Text
            $result.Input | Should -Be $Text
            $result.IPAddress | Should -Be ([ipaddress]$Expected)
        }

        It 'tests an IPv4-mapped address as IPv4' {
            (Test-EopIpAddress '::ffff:40.92.70.1').Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'skips <Label> with a verbose message' -ForEach @(
            @{ Label = 'an empty value'; Value = '' }
            @{ Label = 'a dash'; Value = '-' }
        ) {
            $output = Test-EopIpAddress -IPAddress $Value, '40.92.70.1' -Verbose 4>&1
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
            $verbose.Count | Should -Be 1
            $verbose[0].Message | Should -BeLike "*no address*('$Value')*"
            @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] }).Input | Should -Be '40.92.70.1'
        }
    }

    Context 'Records' {
        It 'returns each record itself as InputObject and names the property read' {
            $rows = @(
                [pscustomobject]@{ Received = [datetime]'2026-11-27T10:00:00Z'; SenderAddress = 'a@fabrikam.com'; RecipientAddress = 'helpdesk@contoso.com'; Subject = 'Invoice, March'; Status = 'Delivered'; ToIP = ''; FromIP = '40.92.70.1'; Size = 10240; MessageId = '<a@fabrikam.com>'; MessageTraceId = [guid]'a8f0b6d4-1c2e-4f60-9b1a-3d5e7f901234' }
                [pscustomobject]@{ Received = [datetime]'2026-11-27T10:01:00Z'; SenderAddress = 'b@example.net'; RecipientAddress = 'helpdesk@contoso.com'; Subject = 'Hello'; Status = 'Delivered'; ToIP = ''; FromIP = '203.0.113.5'; Size = 2048; MessageId = '<b@example.net>'; MessageTraceId = [guid]'b8f0b6d4-1c2e-4f60-9b1a-3d5e7f901234' }
            )
            $results = $rows | Test-EopIpAddress
            $results.Property | Should -Be @('FromIP', 'FromIP')
            [object]::ReferenceEquals($results[0].InputObject, $rows[0]) | Should -BeTrue
            [object]::ReferenceEquals($results[1].InputObject, $rows[1]) | Should -BeTrue
            [object]::ReferenceEquals($results[0].InputObject, ($rows[0] | Select-Object *)) | Should -BeFalse
        }

        It 'gives back the message trace rows that did not come from EOP' {
            $rows = @(
                [pscustomobject]@{ SenderAddress = 'a@fabrikam.com'; Subject = 'Invoice, March'; ToIP = ''; FromIP = '40.92.70.1' }
                [pscustomobject]@{ SenderAddress = 'b@example.net'; Subject = 'Hello'; ToIP = ''; FromIP = '203.0.113.5' }
                [pscustomobject]@{ SenderAddress = 'helpdesk@contoso.com'; Subject = 'Re: Hello'; ToIP = '203.0.113.25'; FromIP = '' }
            )
            $outside = @($rows | Test-EopIpAddress | Where-Object { -not $_.IsEop } | ForEach-Object InputObject)
            $outside.Count | Should -Be 1
            [object]::ReferenceEquals($outside[0], $rows[1]) | Should -BeTrue
        }

        It 'keeps a plain string and an IPAddress as their own InputObject, with no Property' {
            $text = '40.92.70.1'
            $address = [ipaddress]'40.92.70.2'
            $results = $text, $address | Test-EopIpAddress
            [object]::ReferenceEquals($results[0].InputObject, $text) | Should -BeTrue
            [object]::ReferenceEquals($results[1].InputObject, $address) | Should -BeTrue
            $results.Property | Should -Be @('', '')
            $results[1].Input | Should -Be '40.92.70.2'
        }

        It 'reads the known names in order, the original client first' {
            $names = [EopTools.AddressFields]::KnownNames
            $names | Should -Be @('OriginalClientIp', 'original_client_ip', 'original-client-ip', 'ClientIp', 'client_ip', 'client-ip', 'FromIP', 'SenderIP', 'c-ip', 'remote-endpoint', 'CIP', 'IP', 'IPAddress')
            # Every name present with its own address; dropping the winner each time must hand over to the next name.
            for ($first = 0; $first -lt $names.Count; $first++) {
                $record = [ordered]@{}
                for ($i = $names.Count - 1; $i -ge $first; $i--) { $record[$names[$i]] = "40.92.70.$($i + 1)" }
                $result = [pscustomobject]$record | Test-EopIpAddress
                $result.Property | Should -BeExactly $names[$first]
                $result.Input | Should -Be "40.92.70.$($first + 1)"
            }
        }

        It 'falls through <Label> to the next name' -ForEach @(
            @{ Label = 'an empty value'; Value = '' }
            @{ Label = 'a dash'; Value = '-' }
            @{ Label = 'a blank value'; Value = '  ' }
            @{ Label = 'a null value'; Value = $null }
        ) {
            $result = [pscustomobject]@{ OriginalClientIp = $Value; ClientIp = '40.92.70.1' } | Test-EopIpAddress
            $result.Property | Should -Be 'ClientIp'
            $result.Input | Should -Be '40.92.70.1'
        }

        It 'skips a record whose address properties are all empty, with a verbose message' {
            $output = [pscustomobject]@{ OriginalClientIp = '-'; ClientIp = ''; EventId = 'RECEIVE' } | Test-EopIpAddress -Verbose 4>&1
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
            $verbose.Message | Should -Be @("Skipped an input whose properties OriginalClientIp, ClientIp hold no address (empty, '-', or neither text nor an IPAddress).")
            @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] }).Count | Should -Be 0
        }

        It 'names the properties that hold no address as the record spells them, in the order they are read' {
            $output = [pscustomobject]@{ SenderIP = '  '; FromIP = $null; clientip = 42 } | Test-EopIpAddress -Verbose 4>&1
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
            $verbose.Message | Should -BeExactly @("Skipped an input whose properties clientip, FromIP, SenderIP hold no address (empty, '-', or neither text nor an IPAddress).")
            @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] }).Count | Should -Be 0
        }

        It 'reads an address property that type data adds to a custom object, and names it when it holds none' {
            Update-TypeData -TypeName 'EopTools.Tests.RelayEvent' -MemberType AliasProperty -MemberName ClientIp -Value Endpoint -Force
            try {
                $result = [pscustomobject]@{ PSTypeName = 'EopTools.Tests.RelayEvent'; Endpoint = '40.92.70.1' } | Test-EopIpAddress
                $result.Property | Should -BeExactly 'ClientIp'
                $result.Input | Should -Be '40.92.70.1'
                $output = [pscustomobject]@{ PSTypeName = 'EopTools.Tests.RelayEvent'; Endpoint = '-' } | Test-EopIpAddress -Verbose 4>&1
                $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
                $verbose.Message | Should -BeExactly @("Skipped an input whose properties ClientIp hold no address (empty, '-', or neither text nor an IPAddress).")
            }
            finally {
                Remove-TypeData -TypeName 'EopTools.Tests.RelayEvent'
            }
        }

        It 'names the property of an invalid value in the error' {
            $record = [pscustomobject]@{ OriginalClientIp = '10.1'; ClientIp = '40.92.70.1' }
            $results = $record | Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].Exception.Message | Should -BeLike "'10.1' (property OriginalClientIp) *four*parts, not 2*"
            [object]::ReferenceEquals($errors[0].TargetObject, $record) | Should -BeTrue
        }

        It 'reads only the -Property names, in their order' {
            $record = [pscustomobject]@{ ClientIp = '8.8.8.8'; ServerIp = '40.92.70.1'; Relay = '-' }
            $result = $record | Test-EopIpAddress -Property Relay, ServerIp
            $result.Property | Should -Be 'ServerIp'
            $result.IsEop | Should -BeTrue
            $output = $record | Test-EopIpAddress -Property Relay -Verbose 4>&1
            @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] }).Count | Should -Be 0
            @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Skipped an input whose properties Relay hold no address (empty, '-', or neither text nor an IPAddress)."
        }

        It 'names the -Property names when a record has none of them' {
            $null = [pscustomobject]@{ ClientIp = '40.92.70.1' } | Test-EopIpAddress -Property ServerIp -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].Exception.Message | Should -BeLike '*no address*properties ServerIp.'
        }
    }

    Context 'Record sources' {
        BeforeAll {
            # Files in the documented layouts (docs/record-sources.md), read as an admin reads them.
            $script:Records = Join-Path $Fixtures 'records'
            # A log with a #Fields: line (message tracking, protocol and IIS logs), rows as objects with its header.
            function Read-FieldsLog([string] $Name, [string] $Delimiter) {
                $lines = Get-Content -LiteralPath (Join-Path $Records $Name)
                $lines -notmatch '^#' | ConvertFrom-Csv -Delimiter $Delimiter -Header ($lines -match '^#Fields: ')[0].Substring(9).Split($Delimiter)
            }
        }

        It 'reads original_client_ip of an Enhanced summary (MTSummary) report' {
            $rows = @(Import-Csv -LiteralPath (Join-Path $Records 'MTSummary_Contoso.csv'))
            $results = @($rows | Test-EopIpAddress)
            $results.IsEop | Should -Be @($true, $false, $true)
            $results.Property | Should -Be @('original_client_ip', 'original_client_ip', 'original_client_ip')
            for ($i = 0; $i -lt 3; $i++) { [object]::ReferenceEquals($results[$i].InputObject, $rows[$i]) | Should -BeTrue }
            $results[1].InputObject.message_subject | Should -Be 'Hello, again'
        }

        It 'prefers original_client_ip to client_ip in an Extended (MTDetail) report, and falls back when it is empty' {
            $rows = @(Import-Csv -LiteralPath (Join-Path $Records 'MTDetail_Contoso.csv'))
            $results = @($rows | Test-EopIpAddress)
            $results.Property | Should -Be @('original_client_ip', 'client_ip')
            $results.Input | Should -Be @('198.51.100.7', '40.92.70.1')
            $results.IsEop | Should -Be @($false, $true)
            [object]::ReferenceEquals($results[1].InputObject, $rows[1]) | Should -BeTrue
            $results[0].InputObject.source_context | Should -Be 'Receive, SMTP'
        }

        It 'prefers OriginalClientIp to ClientIp on Get-MessageTrackingLog events' {
            # A mailbox server's Transport service: ClientIp is the front-end transport server, OriginalClientIp the internet host.
            $events = @(
                [pscustomobject]@{ Timestamp = [datetime]'2026-11-27T10:00:00'; EventId = 'RECEIVE'; Source = 'SMTP'; ClientIp = [ipaddress]'10.0.0.5'; ClientHostname = 'EX01'; ServerIp = [ipaddress]'10.0.0.6'; OriginalClientIp = [ipaddress]'52.100.10.1'; OriginalServerIp = $null; MessageSubject = 'Invoice, March'; Sender = 'a@fabrikam.com' }
                [pscustomobject]@{ Timestamp = [datetime]'2026-11-27T10:01:00'; EventId = 'RECEIVE'; Source = 'SMTP'; ClientIp = [ipaddress]'40.92.70.1'; ClientHostname = 'mail-dm6nam12on2101.outbound.protection.outlook.com'; ServerIp = [ipaddress]'10.0.0.5'; OriginalClientIp = $null; OriginalServerIp = $null; MessageSubject = 'Hello'; Sender = 'b@fabrikam.com' }
            )
            $results = @($events | Test-EopIpAddress)
            $results.Property | Should -Be @('OriginalClientIp', 'ClientIp')
            $results.Input | Should -Be @('52.100.10.1', '40.92.70.1')
            $results.IsEop | Should -Be @($true, $true)
            [object]::ReferenceEquals($results[0].InputObject, $events[0]) | Should -BeTrue
        }

        It 'tests the destination of SEND events with -Property ServerIp' {
            $event = [pscustomobject]@{ EventId = 'SEND'; Source = 'SMTP'; ClientIp = [ipaddress]'10.0.0.5'; ServerIp = [ipaddress]'104.47.20.5'; OriginalClientIp = [ipaddress]'10.0.0.9' }
            $result = $event | Test-EopIpAddress -Property ServerIp
            $result.Property | Should -Be 'ServerIp'
            $result.Range.Prefix | Should -Be '104.47.0.0/17'
        }

        It 'reads the columns of a raw message tracking log (MSGTRK)' {
            $rows = @(Read-FieldsLog 'MSGTRK20261127-1.LOG' ',')
            $results = @($rows | Test-EopIpAddress)
            $results.Property | Should -Be @('original-client-ip', 'client-ip', 'client-ip', 'client-ip')
            $results.Input | Should -Be @('52.100.10.1', '40.92.70.1', '198.51.100.20', 'fe80::1d2c:3b4a:5968:7a8b%3')
            $results.IsEop | Should -Be @($true, $true, $false, $false)
            $results[3].IPAddress | Should -Be ([ipaddress]'fe80::1d2c:3b4a:5968:7a8b')
            [object]::ReferenceEquals($results[0].InputObject, $rows[0]) | Should -BeTrue
            $results[0].InputObject.'message-subject' | Should -Be 'Invoice, March'
        }

        It 'reads remote-endpoint of an SMTP receive protocol log (RECV)' {
            $rows = @(Read-FieldsLog 'RECV20261127-1.LOG' ',')
            $results = @($rows | Test-EopIpAddress)
            $results.Property | Should -Be @('remote-endpoint', 'remote-endpoint', 'remote-endpoint', 'remote-endpoint', 'remote-endpoint')
            $results.IPAddress | Should -Be @([ipaddress]'40.92.70.1', [ipaddress]'40.92.70.1', [ipaddress]'198.51.100.20', [ipaddress]'198.51.100.20', [ipaddress]'2a01:111:f403:c000::25')
            $results.IsEop | Should -Be @($true, $true, $false, $false, $true)
            [object]::ReferenceEquals($results[1].InputObject, $rows[1]) | Should -BeTrue
            $results[1].InputObject.data | Should -BeLike '220 *, 27 Nov 2026*'
        }

        It 'reads remote-endpoint of an SMTP send protocol log (SEND): the host Exchange connected to' {
            $results = @(Read-FieldsLog 'SEND20261127-1.LOG' ',' | Test-EopIpAddress)
            $results.Range.Prefix | Should -Be @('104.47.0.0/17', '104.47.0.0/17')
        }

        It 'reads c-ip of an IIS log, skipping a dash' {
            $rows = @(Read-FieldsLog 'u_ex261127.log' ' ')
            $output = $rows | Test-EopIpAddress -Verbose 4>&1
            $results = @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] })
            $results.Property | Should -Be @('c-ip', 'c-ip')
            $results.Input | Should -Be @('52.96.10.1', '40.92.70.1')
            $results.IsEop | Should -Be @($false, $true)
            [object]::ReferenceEquals($results[1].InputObject, $rows[2]) | Should -BeTrue
            @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' }).Message |
                Should -Be @("Skipped an input whose properties c-ip hold no address (empty, '-', or neither text nor an IPAddress).")
            ($rows | Test-EopIpAddress -Quiet) | Should -Be @($false, $false, $true)
        }
    }

    Context 'Bad input' {
        # Names: what the reason must name (a wildcard pattern), whatever its wording.
        It 'writes InvalidIPAddress for <Text> and goes on' -ForEach @(
            @{ Text = '1.2.3'; Names = 'four*parts, not 3' }
            @{ Text = '10'; Names = 'four*parts, not 1' }
            @{ Text = '040.1.1.1'; Names = "leading zero*'040'*octal" }
            @{ Text = '0x7f.0.0.1'; Names = "character 'x'" }
            @{ Text = '256.1.1.1'; Names = "0 to 255*'256'" }
            @{ Text = '1.2.3.4.5'; Names = 'four parts, not more' }
            @{ Text = '1.2.3.4/24'; Names = "prefix (with '/')" }
            @{ Text = '::ffff:1.2.3'; Names = 'four*parts, not 3' }
            @{ Text = '2001:db8::1::2'; Names = "'::' only once" }
            @{ Text = '1.2.3.4:70000'; Names = "port '70000'*0 to 65535" }
            @{ Text = '1.2.3.4 junk'; Names = "character ' '" }
        ) {
            $results = $Text, '40.92.70.1' | Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be $Text
            $errors[0].Exception.Message | Should -BeLike "'$Text' is not a valid IP address: *$Names*"
            @($results).Input | Should -Be '40.92.70.1'
        }

        It 'keeps results and errors in input order for a long array argument' {
            $inputs = @(foreach ($i in 1..600) { if ($i % 250 -eq 0) { "bad$i" } else { '40.92.70.1' } })
            $stream = Test-EopIpAddress -IPAddress $inputs -ErrorAction Continue 2>&1
            $stream.Count | Should -Be 600
            $positions = for ($i = 0; $i -lt $stream.Count; $i++) { if ($stream[$i] -is [System.Management.Automation.ErrorRecord]) { $i } }
            $positions | Should -Be @(249, 499)
            $stream[249].TargetObject | Should -Be 'bad250'
            $stream[599].Input | Should -Be '40.92.70.1'
        }

        It 'stops on a bad address when asked to' {
            { Test-EopIpAddress '1.2.3' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
        }

        It 'writes InputObjectHasNoAddress for an object without an address property and goes on' {
            $results = [pscustomobject]@{ Name = 'mailbox' }, [pscustomobject]@{ ClientIp = '40.92.70.1' } |
                Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject.Name | Should -Be 'mailbox'
            @($results).IsEop | Should -Be @($true)
        }

        It 'does not test an object''s ToString() as an address' {
            $results = @(Get-Date) | Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
        }
    }

    Context 'Quiet' {
        It 'writes one bool per input' {
            $answers = Test-EopIpAddress -IPAddress '40.92.70.1', '8.8.8.8', '2a01:111:f403::1' -Quiet
            $answers | Should -Be @($true, $false, $true)
            $answers[0] | Should -BeOfType ([bool])
        }

        It 'writes $false for each input with no address or an invalid one, so the answers line up with the inputs' {
            $inputs = @(
                '40.92.70.1', '', '-', 'bad', $null, [pscustomobject]@{ ClientIp = '-'; FromIP = '' },
                [pscustomobject]@{ Name = 'mailbox' }, [pscustomobject]@{ ClientIp = 'bad' }, '8.8.8.8', [pscustomobject]@{ ClientIp = '40.92.70.1' }
            )
            $answers = $inputs | Test-EopIpAddress -Quiet -ErrorVariable errors -ErrorAction SilentlyContinue
            $answers | Should -Be @($true, $false, $false, $false, $false, $false, $false, $false, $false, $true)
            $answers | ForEach-Object { $_ | Should -BeOfType ([bool]) }
            $errors.FullyQualifiedErrorId | Should -Be @(
                'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
                'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
                'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand')
        }

        It 'writes $false for an empty, dash or invalid address in an array argument' {
            Test-EopIpAddress -IPAddress '40.92.70.1', '', '-', 'bad' -Quiet -ErrorAction SilentlyContinue | Should -Be @($true, $false, $false, $false)
        }
    }

    Context 'Region' {
        It 'restricts the answer to one regional table' {
            $results = Test-EopIpAddress -IPAddress '40.92.70.1', '40.92.130.1' -Region APAC
            $results.IsEop | Should -Be @($false, $true)
            $results[1].Range.Prefix | Should -Be '40.92.128.0/17'
            @($results[1].Region) | Should -Be @('APAC')
            $results[0].Region.Count | Should -Be 0
        }

        It 'answers from the global list only with -Region Global' {
            $result = Test-EopIpAddress 40.92.70.1 -Region Global
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            $result.Region.Count | Should -Be 0
        }

        It 'fails with RegionNotInDataSet when the data set has no such table' {
            { Test-EopIpAddress 10.0.0.1 -Region EMEA -Path (Join-Path $Fixtures 'page-global-only.md') -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'RegionNotInDataSet,EopTools.Commands.TestEopIpAddressCommand'
        }
    }

    Context 'Path' {
        It 'tests against a range file instead of the session index' {
            $results = Test-EopIpAddress -IPAddress '10.0.0.200', '40.92.70.1' -Path (Join-Path $Fixtures 'page-regions.md') -WarningAction SilentlyContinue
            $results.IsEop | Should -Be @($true, $false)
            $results[0].Range.Prefix | Should -Be '10.0.0.128/25'
            @($results[0].Region) | Should -Be @('EMEA')
            $results[0].DataSet.Version | Should -Be '2018-07-18'
        }

        It 'takes a wildcard -Path that names one file, and -LiteralPath as typed' {
            $folder = Join-Path $TestDrive 'one-file'
            $null = New-Item -ItemType Directory -Path $folder
            $path = Join-Path $folder 'eop[1].txt'
            Set-Content -LiteralPath $path -Value '192.0.2.0/24'
            (Test-EopIpAddress 192.0.2.9 -Path (Join-Path $folder 'eop*.txt')).Range.Prefix | Should -Be '192.0.2.0/24'
            (Test-EopIpAddress 192.0.2.9 -LiteralPath $path).Range.Prefix | Should -Be '192.0.2.0/24'
            (Test-EopIpAddress 192.0.2.9 -LP $path).IsEop | Should -BeTrue
        }

        It 'fails with PathNotOneFile before testing anything when -Path names several files' {
            $results = [System.Collections.ArrayList]::new()
            { Test-EopIpAddress 10.0.0.200 -Path (Join-Path $Fixtures 'page-*.md') -WarningAction SilentlyContinue | ForEach-Object { $null = $results.Add($_) } } |
                Should -Throw -ErrorId 'PathNotOneFile,EopTools.Commands.TestEopIpAddressCommand' -ExpectedMessage '-Path names 4 files*'
            $results.Count | Should -Be 0
        }

        It 'fails with RangeFileNotFound before testing anything when the file is missing' {
            { Test-EopIpAddress 10.0.0.200 -Path (Join-Path $TestDrive 'missing.md') } |
                Should -Throw -ErrorId 'RangeFileNotFound,EopTools.Commands.TestEopIpAddressCommand'
        }

        It 'does not bind lines piped from Get-Content to -LiteralPath through their PSPath' {
            $path = Join-Path $TestDrive 'addresses.txt'
            Set-Content -LiteralPath $path -Value '40.92.70.1', '8.8.8.8'
            (Get-Content -LiteralPath $path | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
        }
    }

    Context 'Microsoft 365 endpoint sets' {
        BeforeAll {
            $script:Quirks = Join-Path $Fixtures 'endpoints-quirks.json'
        }

        It 'lists the sets holding an address that is not EOP, Optimize first, with the prefix that matched' {
            $result = Test-EopIpAddress 13.107.6.153 -Path $Quirks -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 4
            $result.IsEop | Should -BeFalse
            $result.EndpointSets.Id | Should -Be @(1, 2)
            $result.EndpointSets.Category | Should -Be @('Optimize', 'Allow')
            $result.EndpointSets.Prefix | Should -Be @('13.107.6.152/31', '13.107.6.152/31')
            $result.EndpointSets[1].TcpPorts | Should -Be '143, 587, 993, 995'
            "$result" | Should -Be '13.107.6.153 is not EOP; it is in Microsoft 365 endpoint sets 1, 2'
        }

        It 'gives each set its most specific prefix, and an empty list for an address in no set' {
            $results = Test-EopIpAddress 198.51.100.9, 198.51.100.200, 192.0.2.25, 8.8.8.8 -Path $Quirks -WarningAction SilentlyContinue
            ($results[0].EndpointSets | ForEach-Object { "$_" }) | Should -Be @('1 Exchange Optimize 198.51.100.0/25', '2 Exchange Allow 198.51.100.0/24')
            ($results[1].EndpointSets | ForEach-Object { "$_" }) | Should -Be @('2 Exchange Allow 198.51.100.0/24')
            $results[2].IsEop | Should -BeTrue
            $results[2].EndpointSets.Id | Should -Be 10
            $results[3].EndpointSets.Count | Should -Be 0
            $null -ne $results[3].EndpointSets | Should -BeTrue -Because 'the data has sets; none holds the address'
        }

        It 'answers $null for data without endpoint sets, the embedded page' {
            Reset-EopSession
            $result = Test-EopIpAddress 52.96.10.10 -WarningVariable warnings -WarningAction SilentlyContinue
            Assert-SeedWarning $warnings
            $null -eq $result.EndpointSets | Should -BeTrue
        }

        It 'shows the sets in 80 columns' {
            $result = Test-EopIpAddress 203.0.113.5, 13.107.6.152 -Path $Quirks -WarningAction SilentlyContinue
            $rows = Get-FittedViewRow @($result.EndpointSets) 80
            $rows | Should -Contain ' Id Category ServiceArea Ports Prefix'
            $rows | Should -Contain ' 11 Optimize Skype UDP 3478-3481 203.0.113.0/24'
            $rows | Should -Contain ' 1 Optimize Exchange TCP 443,80 UDP 443 13.107.6.152/31'
            $rows | Should -Contain ' 2 Allow Exchange TCP 143,587,993,995 13.107.6.152/31'
        }
    }

    Context 'Older data' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
            $script:October2018 = Join-Path $SharedData 'eop-page-history/eop-ip-addresses_2018-10-02_24f6d0e.md'
        }

        It 'has no older data to name while the session answers from the embedded page' {
            Reset-EopSession
            $results = Test-EopIpAddress 8.8.8.8, 40.94.12.9 -WarningAction SilentlyContinue
            $results.IsEop | Should -Be @($false, $true)
            $results[0].FormerRange | Should -BeNullOrEmpty
            $results[1].FormerRange | Should -BeNullOrEmpty
            "$($results[0])" | Should -Be '8.8.8.8 is not EOP'
        }

        It 'says that 40.94.12.9 was EOP in the embedded page when the 2022 answer is current, in the view, a string and a CSV cell' {
            Reset-EopSession
            $null = Update-EopIpRange -Path $Real2022
            $results = Test-EopIpAddress 40.94.12.9, 8.8.8.8, 40.92.70.1
            $results.IsEop | Should -Be @($false, $false, $true)
            $former = $results[0].FormerRange
            $former | Should -BeOfType ([EopTools.EopFormerRange])
            $former.Prefix | Should -Be '40.92.0.0/14'
            $former.Data | Should -Be 'embedded page'
            $former.Date | Should -Be ([datetime]::new(2018, 8, 2))
            $former.DataSet.Source | Should -Be 'embedded seed'
            $results[1].FormerRange | Should -BeNullOrEmpty
            $results[2].FormerRange | Should -BeNullOrEmpty
            "$($results[0])" | Should -Be '40.94.12.9 is not EOP; it was in 40.92.0.0/14 (embedded page, 2018-08-02)'
            ($results | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).FormerRange | Should -Be @('40.92.0.0/14 (embedded page, 2018-08-02)', $null, $null)
            @(Get-FittedViewRow $results 80 | Where-Object { $_ }) |
                Should -Be @('IsEop Input Range', '----- ----- -----', 'False 40.94.12.9 was 40.92.0.0/14 (2018-08-02)', 'False 8.8.8.8', 'True 40.92.70.1 40.92.0.0/15')
        }

        It 'names the cache''s previous data before the embedded page, in this session and a new one' {
            Reset-EopSession
            $null = Update-EopIpRange -Path $October2018 -WarningAction SilentlyContinue
            $null = Update-EopIpRange -Path $Real2022
            "$(Test-EopIpAddress 40.94.12.9)" | Should -Be '40.94.12.9 is not EOP; it was in 40.92.0.0/14 (previous.cache, 2018-10-02)'
            $output = Invoke-Pwsh -ArgumentList '-Command', "`$env:EOPTOOLS_CACHE_DIR = '$env:EOPTOOLS_CACHE_DIR'; Import-Module '$ModulePath'; `$r = Test-EopIpAddress 40.94.12.9; `"`$r`"; `$r.FormerRange.DataSet.Source"
            $output | Should -Be @('40.94.12.9 is not EOP; it was in 40.92.0.0/14 (previous.cache, 2018-10-02)', $October2018)
        }

        It 'has no older data for ranges given with -Path' {
            (Test-EopIpAddress 40.94.12.9 -Path $Real2022).FormerRange | Should -BeNullOrEmpty
        }
    }

    Context 'Microsoft 365 endpoint sets of the 2022 answer' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
        }

        It 'tells Exchange Online''s own address from EOP and from an address that is not Microsoft 365' {
            $results = Test-EopIpAddress 52.96.10.10, 40.92.1.1, 8.8.8.8 -Path $Real2022
            $results.IsEop | Should -Be @($false, $true, $false)
            $results[0].EndpointSets.Id | Should -Be @(1, 2, 5, 6)
            $results[0].EndpointSets[0].ServiceAreaDisplayName | Should -Be 'Exchange Online'
            $results[0].EndpointSets[0].TcpPorts | Should -Be '80,443'
            $results[1].EndpointSets.Id | Should -Be @(9, 10)
            $results[2].EndpointSets.Count | Should -Be 0
        }
    }
}
