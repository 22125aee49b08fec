BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    $script:Messages = Join-Path $Fixtures 'headers'
    $script:DirectSend = Join-Path $Messages 'direct-send.eml'
    $script:Bypass = Join-Path $Messages 'onprem-bypass.eml'
    $script:ThirdParty = Join-Path $SharedData 'third-party-headers'
    $script:Id = ',EopTools.Commands.TestEopMessageHeaderCommand'
}

Describe 'Test-EopMessageHeader' {
    Context 'Files' {
        It 'gives one verdict per message of a folder piped from Get-ChildItem, keeping each file' {
            $files = Get-ChildItem $Messages -Filter *.eml | Sort-Object Name
            # The first command of a new session over an empty cache says where its ranges come from.
            $results = $files | Test-EopMessageHeader -WarningVariable warnings -WarningAction SilentlyContinue
            Assert-SeedWarning $warnings
            $results.Route | Should -Be @('DirectSend', 'NotMicrosoft365', 'GatewayBeforeEop', 'ThroughEop', 'OnPremisesBypass')
            $results.Source | Should -Be $files.FullName
            $results[0].InputObject | Should -Be $files[0]
            $results[0].IPAddress | Should -Be ([ipaddress]'203.0.113.45')
            $results[0].DecidedBy | Should -Be 'hop 1'
        }

        It 'expands wildcards in -Path and takes -LiteralPath as typed' {
            (Test-EopMessageHeader -Path (Join-Path $Messages 'd*.eml')).Route | Should -Be 'DirectSend'
            $odd = Join-Path $TestDrive 'report [1].eml'
            Copy-Item -LiteralPath $Bypass -Destination $odd
            $result = Test-EopMessageHeader -LiteralPath $odd
            $result.Route | Should -Be 'OnPremisesBypass'
            $result.InputObject | Should -BeNullOrEmpty
        }

        It 'resolves each form of path as PowerShell does, the files of one folder through their folder' {
            $folder = (New-Item -ItemType Directory -Force (Join-Path $TestDrive 'reports')).FullName
            Copy-Item -LiteralPath $DirectSend, $Bypass -Destination $folder
            $send = Join-Path $folder 'direct-send.eml'
            $onPremises = Join-Path $folder 'onprem-bypass.eml'
            $paths = @($send, $onPremises, 'reports/direct-send.eml', './reports/../reports/onprem-bypass.eml', 'reports\direct-send.eml',
                "Microsoft.PowerShell.Core\FileSystem::$onPremises", 'direct-send.eml', 'reports/missing.eml')
            Push-Location $TestDrive
            try {
                $results = Test-EopMessageHeader -LiteralPath $paths -ErrorVariable failures -ErrorAction SilentlyContinue
                $powerShell = foreach ($path in $paths) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($path) }
                Set-Location $folder
                $results += Test-EopMessageHeader -LiteralPath 'direct-send.eml'
            }
            finally { Pop-Location }
            $results.Source | Should -Be @($send, $onPremises, $send, $onPremises, $send, $onPremises, $send)
            $results.Source | Should -Be @($powerShell[0..5] + $send)
            $results.Route | Should -Be @('DirectSend', 'OnPremisesBypass', 'DirectSend', 'OnPremisesBypass', 'DirectSend', 'OnPremisesBypass', 'DirectSend')
            $failures.FullyQualifiedErrorId | Should -Be @("MessageFileNotFound$Id", "MessageFileNotFound$Id")
            $failures.TargetObject | Should -Be @((Join-Path $TestDrive 'direct-send.eml'), (Join-Path $folder 'missing.eml'))
            $failures.TargetObject | Should -Be $powerShell[6..7]
        }

        It 'reads the message''s own headers, Subject decoded' {
            $result = Test-EopMessageHeader -LiteralPath $DirectSend
            $result.Subject | Should -Be 'Remittance advice - payment confirmed'
            $result.From | Should -Be '"Accounts Payable" <ap@contoso.com>'
            $result.MessageId | Should -Be '<direct-send-1@printer.contoso.com>'
            $result.Date | Should -Be ([datetime]::new(2025, 7, 1, 8, 14, 5, [DateTimeKind]::Utc))
            $result.AuthAs | Should -Be 'Anonymous'
            $result.Cip | Should -Be '203.0.113.45'
            $result.Direction | Should -Be 'INB'
            $result.Spf | Should -Be 'fail'
            $result.CompAuthReason | Should -Be '000'
        }

        It 'lists the hops in travel order with their delays' {
            $hops = (Test-EopMessageHeader -LiteralPath $DirectSend).Hops
            $hops.Number | Should -Be @(1, 2, 3, 4)
            $hops.By | Should -Be @('BN2PEPF000044A5.mail.protection.outlook.com', 'BN9PR03CA0512.outlook.office365.com', 'SA1PR12MB8800.namprd12.prod.outlook.com', 'DM4PR12MB6064.namprd12.prod.outlook.com')
            $hops.Delay | Should -Be @($null, [timespan]::FromSeconds(1), [timespan]::Zero, [timespan]::FromSeconds(1))
            $hops.IsConfirmedMicrosoft365 | Should -Be @($true, $true, $true, $true)
            $hops[0].Helo | Should -Be '[10.1.2.3]'
        }
    }

    Context 'Text and objects from the pipeline' {
        It 'reads one message from one string with line breaks (Get-Clipboard -Raw), keeping the string' {
            $text = Get-Content -LiteralPath $DirectSend -Raw
            $result = $text | Test-EopMessageHeader
            $result.Route | Should -Be 'DirectSend'
            $result.Source | Should -Be '(pipeline)'
            $result.InputObject | Should -BeExactly $text
        }

        It 'reads lines piped one by one (Get-Content, Get-Clipboard) as one message' {
            $result = Get-Content -LiteralPath $Bypass | Test-EopMessageHeader
            @($result).Count | Should -Be 1
            $result.Route | Should -Be 'OnPremisesBypass'
            $result.InputObject.Count | Should -Be (Get-Content -LiteralPath $Bypass).Count
        }

        It 'reads Graph messages with InternetMessageHeaders, as SDK objects or as hashtables' {
            $headers = foreach ($line in (Get-Content -LiteralPath $DirectSend -Raw) -split "`n(?![ \t])") {
                if ($line -match '(?s)^([^:\s]+):\s?(.*)$') { [pscustomobject]@{ Name = $Matches[1]; Value = $Matches[2] } }
            }
            $message = [pscustomobject]@{ Id = 'AAMk1'; Subject = 'x'; InternetMessageHeaders = $headers }
            $result = $message | Test-EopMessageHeader
            $result.Route | Should -Be 'DirectSend'
            $result.InputObject | Should -Be $message
            $asHashtables = @{ internetMessageHeaders = @($headers | ForEach-Object { @{ name = $_.Name; value = $_.Value } }) }
            ([pscustomobject]$asHashtables | Test-EopMessageHeader).Route | Should -Be 'DirectSend'
        }

        It 'reads a record whose Headers property holds the text' {
            ([pscustomobject]@{ Headers = (Get-Content -LiteralPath $Bypass -Raw) } | Test-EopMessageHeader).Route | Should -Be 'OnPremisesBypass'
        }

        It 'refuses an object without headers, and goes on' {
            $results = @([pscustomobject]@{ Name = 'x' }, (Get-Content -LiteralPath $DirectSend -Raw)) |
                Test-EopMessageHeader -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Should -Be "InputObjectHasNoHeaders$Id"
            $results.Route | Should -Be 'DirectSend'
        }
    }

    Context 'What the admin says about the organisation' {
        It 'counts a sender outside the accepted domains as not Direct Send' {
            (Test-EopMessageHeader -LiteralPath $DirectSend -AcceptedDomain fabrikam.com).Route | Should -Be 'ThroughEop'
            (Test-EopMessageHeader -LiteralPath $DirectSend -AcceptedDomain fabrikam.com, contoso.com).Route | Should -Be 'DirectSend'
        }

        It 'counts a connector''s address as a gateway, not Direct Send' {
            (Test-EopMessageHeader -LiteralPath $DirectSend -ConnectorIPAddress 203.0.113.0/24).Route | Should -Be 'GatewayBeforeEop'
        }

        It 'names the organisation''s servers for the bypass' {
            $result = Test-EopMessageHeader -LiteralPath $Bypass -OrganizationServer '*.contoso.com'
            $result.Reason | Should -Be 'EX01.contoso.com, one of -OrganizationServer, took it from 198.51.100.23, an Internet address outside EOP: it went past EOP'
        }

        It 'refuses a value that is not exactly an address, a prefix or a name: <Parameter> <Value>' -ForEach @(
            @{ Parameter = 'ConnectorIPAddress'; Value = '203.0.113.7/24' }
            @{ Parameter = 'ConnectorIPAddress'; Value = '10.1' }
            @{ Parameter = 'OrganizationServer'; Value = 'mail contoso' }
            @{ Parameter = 'AcceptedDomain'; Value = 'contoso' }
        ) {
            $arguments = @{ LiteralPath = $DirectSend; $Parameter = $Value }
            { Test-EopMessageHeader @arguments } | Should -Throw -ErrorId "Invalid$Parameter$Id"
        }
    }

    Context 'Bad input' {
        BeforeAll {
            $script:Bad = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'bad')
            [System.IO.File]::WriteAllBytes((Join-Path $Bad 'report.msg'), [byte[]](0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0))
            [System.IO.File]::WriteAllBytes((Join-Path $Bad 'photo.eml'), [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D))
            [System.IO.File]::WriteAllBytes((Join-Path $Bad 'empty.eml'), [byte[]]@())
            Set-Content -LiteralPath (Join-Path $Bad 'notes.txt') -Value 'Just a note.'
            Set-Content -LiteralPath (Join-Path $Bad 'huge.eml') -Value ('Subject: ' + ('a' * 1100000))
            $null = New-Item -ItemType Directory -Path (Join-Path $Bad 'folder')
        }

        It 'refuses <Name> with <ErrorId> and reads the next file' -ForEach @(
            @{ Name = 'report.msg'; ErrorId = 'MessageFileIsOutlookMsg' }
            @{ Name = 'photo.eml'; ErrorId = 'MessageFileNotText' }
            @{ Name = 'empty.eml'; ErrorId = 'MessageFileEmpty' }
            @{ Name = 'notes.txt'; ErrorId = 'MessageHeaderNotFound' }
            @{ Name = 'huge.eml'; ErrorId = 'MessageHeaderTooLarge' }
            @{ Name = 'folder'; ErrorId = 'MessagePathIsFolder' }
            @{ Name = 'missing.eml'; ErrorId = 'MessageFileNotFound' }
        ) {
            $results = Test-EopMessageHeader -LiteralPath (Join-Path $Bad $Name), $DirectSend -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Should -Be "$ErrorId$Id"
            $failures[0].TargetObject | Should -Be (Join-Path $Bad $Name)
            $results.Route | Should -Be 'DirectSend'
        }

        It 'says how to get the headers of an Outlook .msg' {
            $null = Test-EopMessageHeader -LiteralPath (Join-Path $Bad 'report.msg') -ErrorVariable failures -ErrorAction SilentlyContinue
            "$($failures[0])" | Should -BeLike '*is an Outlook .msg file, which this command does not read. In Outlook, open the message, choose File > Properties, copy the Internet headers box*'
        }

        It 'refuses a device without opening it' {
            if ($IsWindows) { Set-ItResult -Skipped -Because 'Unix-only: /dev/zero does not exist on Windows.' }
            { Test-EopMessageHeader -LiteralPath /dev/zero -ErrorAction Stop } | Should -Throw -ErrorId "MessageFileEmpty$Id"
        }

        It 'refuses a path that matches nothing' {
            { Test-EopMessageHeader -Path (Join-Path $Bad 'none*.eml') -ErrorAction Stop } | Should -Throw -ErrorId "MessageFileNotFound$Id"
        }
    }

    Context 'Views' {
        It 'shows a message in 80 columns' {
            Get-FittedViewRow (Test-EopMessageHeader -LiteralPath $DirectSend, $Bypass) 80 | Where-Object { $_ } |
                Should -Be @('Route IsEop IPAddress Source Subject', '----- ----- --------- ------ -------',
                    'DirectSend False 203.0.113.45 direct-send.eml Remittance advice -…',
                    'OnPremisesBypass False 198.51.100.23 onprem-bypass.e… Invoice 2025-0711')
        }

        It 'shows the hops in 80 columns, with a negative delay' {
            $text = (Get-Content -LiteralPath $DirectSend -Raw).Replace('Transport; Tue, 1 Jul 2025 08:14:07', 'Transport; Tue, 1 Jul 2025 09:14:07')
            Get-FittedViewRow ($text | Test-EopMessageHeader).Hops 80 | Where-Object { $_ } | Should -Be @(
                'Hop Delay IPAddress IsEop Microsoft By', '--- ----- --------- ----- --------- --',
                ' 1 203.0.113.45 False confirmed BN2PEPF000044A5.mail.protection.ou…',
                ' 2 -0:59:59 2603:10b6:408:… False confirmed BN9PR03CA0512.outlook.office365.com',
                ' 3 0:00:00 2603:10b6:408:… False confirmed SA1PR12MB8800.namprd12.prod.outloo…',
                ' 4 0:00:01 2603:10b6:806:… False confirmed DM4PR12MB6064.namprd12.prod.outloo…')
        }

        It 'shows the stamps in 80 columns, whole names' {
            $rows = Get-FittedViewRow (Test-EopMessageHeader -LiteralPath $DirectSend).Stamps 80 | Where-Object { $_ }
            $rows[2] | Should -Be 'Trusted 14 Authentication-Results spf=fail (sender …'
            $rows[10] | Should -Be 'Trusted 50 X-MS-Exchange-CrossTenant-FromEntityHeader Internet'
            $rows.Count | Should -Be 11
        }

        It 'writes the lists in Export-Csv as their values' {
            $row = Test-EopMessageHeader -LiteralPath $DirectSend | Select-Object Route, Notes, Region, Hops | ConvertTo-Csv | ConvertFrom-Csv
            $row.Route | Should -Be 'DirectSend'
            $row.Hops | Should -BeLike 'Hop 1: from `[10.1.2.3`] `[203.0.113.45`] by BN2PEPF000044A5.mail.protection.outlook.com; Hop 2:*'
        }
    }

    Context 'Real headers' {
        It 'gives each real message of other projects its route' -Tag 'SharedData' {
            Assert-SharedData
            $results = Get-ChildItem $ThirdParty -Recurse -File -Include *.eml, *.hdr | Sort-Object Name | Test-EopMessageHeader
            ($results | Group-Object Route | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) |
                Should -Be @('GatewayBeforeEop=1', 'Microsoft365Outbound=3', 'MxOnPremises=1', 'NotMicrosoft365=13', 'ThroughEop=7', 'Undecided=1')
        }
    }

    Context 'Addresses that were EOP once' {
        AfterAll { Reset-EopSession }

        It 'names the range a hop''s address held on the embedded 2018 page when the 2022 answer is current, and shows Was' -Tag 'SharedData' {
            Assert-SharedData
            Reset-EopSession
            $null = Update-EopIpRange -Path (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json')
            $hops = ("Received: from old.protection.outlook.com (40.94.12.9) by mx.contoso.com with ESMTP; Tue, 1 Jul 2025 10:00:02 +0000`n" +
                "Received: from sender.example (198.51.100.7) by old.protection.outlook.com with ESMTP; Tue, 1 Jul 2025 10:00:00 +0000`nSubject: x`n" |
                Test-EopMessageHeader).Hops
            $hops.IsEop | Should -Be @($false, $false)
            $hops[0].FormerRange | Should -BeNullOrEmpty
            $hops[1].FormerRange | Should -BeOfType ([EopTools.EopFormerRange])
            "$($hops[1].FormerRange)" | Should -Be '40.92.0.0/14 (embedded page, 2018-08-02)'
            Get-FittedViewRow $hops 80 | Where-Object { $_ } | Should -Be @(
                'Hop Delay IPAddress IsEop Microsoft By', '--- ----- --------- ----- --------- --',
                ' 1 198.51.100.7 False claimed old.protection.outlook.com',
                ' 2 0:00:02 40.94.12.9 Was mx.contoso.com')
        }
    }
}
