namespace StartupHub.Cli;

/// <summary>The help text, in parts, so that the native CLI (BUILD_ONLY: build and check only) lists only what it has.</summary>
internal static class Usage
{
#if BUILD_ONLY
    public const string Text = """
        使い方: startuphub-native <コマンド> [オプション]
        （事前コンパイル版。build と check だけを含みます。serve と forms は .NET 版の startuphub で実行してください。）
        """ + "\n\n" + Commands + "\n" + Help + "\n\n" + SiteOptions + "\n\n" + ExitCodes;
#else
    public const string Text = """
        使い方: startuphub <コマンド> [オプション]
        """ + "\n\n" + Commands + "\n" + HostCommands + "\n" + Help + "\n\n" + SiteOptions + "\n\n" + HostOptions + "\n\n" + ExitCodes;
#endif

    private const string Commands = """
        コマンド:
          build   サイトを生成して出力フォルダに書き出します。
          check   読み込み・検証・描画・リンク確認だけを行い、何も書き出しません（プルリクエストの CI 向け）。
        """;

    private const string HostCommands = """
          serve   サイトを生成してローカルで表示し、content/ や themes/ の変更で再生成・自動再読み込みします。
          forms export        フォームの個人情報を復号して引き渡し用フォルダーに書き出します（manifest.json に件数と SHA-256）。
          forms purge         個人情報と暗号鍵を削除し、削除報告書（JSON と日本語 Markdown）を書きます。
          forms audit-verify  監査ログのハッシュ連鎖・チェックポイント・先頭を確認し、最初の異常を表示します。
        """;

    private const string Help = """
          help    この説明を表示します。
        """;

    private const string SiteOptions = """
        build のオプション:
          --root DIR        リポジトリのルート（content/ と themes/ がある場所。既定: 現在のフォルダ）
          --out DIR         出力フォルダ（既定: <root>/_site）
          --base-url URL    site.yml の base_url の代わりに使う URL（プレビュー環境など）
          --drafts          下書き（draft: true）も含める
          --now 日時        この日時として公開予定・受付状態を計算する（例: 2025-10-01T10:00+09:00）
          --preview         プレビュー用: 全ページ noindex、robots.txt でクロールを禁止
          --no-search       検索インデックス（Pagefind）を作らない
          --theme NAME      テーマ名（既定: default）

        check のオプション:
          --root DIR, --base-url URL, --drafts, --now 日時, --theme NAME（build と同じ）
          --format github   GitHub Actions の注釈（::error file=…）で出力する
          --summary FILE    日本語の結果を Markdown で FILE に追記する（$GITHUB_STEP_SUMMARY 向け）
        """;

    private const string HostOptions = """
        serve のオプション:
          --port N          待ち受けるポート（既定: 8080、127.0.0.1 のみ）
          --root DIR, --drafts, --theme NAME（build と同じ）
          --now 日時        この時刻から時計を進める（ページとフォーム API の受付期間の両方に効く）
          --search          検索インデックスも作る（再生成が数秒遅くなる）
          --out DIR         確認用の出力フォルダ（既定: <root>/.data/serve-site）
          フォーム API は /api/ に同居し、既定で <root>/.data/forms に保存します
          （環境変数 Forms__Storage__ConnectionString で Azure Blob Storage / Azurite も使えます）。

        forms のオプション（保存先は serve と同じ既定 <root>/.data/forms。Functions と同じ環境変数
        Forms__Storage__ConnectionString、Forms__Encryption__Keys__<ID>、Forms__HmacSecret などで Azure も指定できます）:
          --root DIR        リポジトリのルート（既定: 現在のフォルダ）
          --out DIR         export の書き出し先（空のフォルダーか、まだないフォルダー）
          --report FILE     purge の削除報告書（FILE に JSON、拡張子を .md にしたファイルに日本語版）
          --confirm         purge の実行確認（付けないと何も削除しません）
        """;

    private const string ExitCodes = """
        終了コード: 0 成功 / 1 コンテンツやテンプレートのエラー / 2 コマンドの使い方の誤り / 3 メモリーの上限に達した（docs/cli.md）
        """;
}
