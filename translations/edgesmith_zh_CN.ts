<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <location filename="../widgets/json_tree_model.cpp" line="44"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n 个字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/json_tree_model.cpp" line="46"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="55"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>edgesmith::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="45"/>
        <source>EdgeSmith projects (*.edgesmith.json);;JSON files (*.json);;All files (*)</source>
        <translation>EdgeSmith 项目 (*.edgesmith.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="96"/>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="98"/>
        <source>Start a project from the Fashion-MNIST MBConv template</source>
        <translation>从 Fashion-MNIST MBConv 模板新建项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="102"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="105"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="108"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="115"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="118"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="121"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="124"/>
        <source>&amp;About EdgeSmith</source>
        <translation>关于 EdgeSmith(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="127"/>
        <source>&amp;Start Search</source>
        <translation>开始搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="130"/>
        <source>Run the project&apos;s strategy; candidates appear in the Pareto and Candidates tabs as they are evaluated</source>
        <translation>运行项目的搜索策略；候选模型评估后即显示在“帕累托”和“候选”标签页中</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="132"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Paused: evaluations in progress finish, no new ones start</source>
        <translation>已暂停：进行中的评估将完成，不再开始新的评估</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <location filename="../app/gui/main_window.cpp" line="215"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="140"/>
        <source>&amp;Cancel Search</source>
        <translation>取消搜索(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>Run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="158"/>
        <source>Searching: %n evaluated, %1</source>
        <translation>
            <numerusform>搜索中：已评估 %n 个，%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="164"/>
        <location filename="../app/gui/main_window.cpp" line="166"/>
        <source>Search %1: %2</source>
        <translation>搜索%1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>Cannot start the search</source>
        <translation>无法开始搜索</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="200"/>
        <source>The project has %n problem(s); fix those listed in the Project dock first.</source>
        <translation>
            <numerusform>项目有 %n 个问题；请先修复“项目”面板中列出的问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="206"/>
        <source>Save the project first: its experiment database and relative paths live beside the file.</source>
        <translation>请先保存项目：其实验数据库和相对路径位于项目文件旁边。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="224"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="228"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="236"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="243"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="253"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="256"/>
        <source>&amp;Project panel</source>
        <translation>项目面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="259"/>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="262"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="275"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="281"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="307"/>
        <source>Search space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="310"/>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="316"/>
        <source>Filter by genotype…</source>
        <translation>按基因型筛选…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="333"/>
        <source>Candidates</source>
        <translation>候选模型</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>W bits</source>
        <translation>权重位宽</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>A bits</source>
        <translation>激活位宽</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Pruned</source>
        <translation>剪枝率</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="337"/>
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="343"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="345"/>
        <source>Pick two or more candidates in the Pareto or Candidates tab to compare them side by side.</source>
        <translation>在“帕累托”或“候选模型”标签页中选择两个或更多候选模型，即可并排比较。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="349"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="354"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="579"/>
        <source>Search running</source>
        <translation>搜索正在运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="580"/>
        <source>A search is running. Stop it? Every evaluated candidate is kept; the run can be resumed with edgesmith-cli search --resume.</source>
        <translation>搜索正在运行。要停止吗？所有已评估的候选都会保留；可用 edgesmith-cli search --resume 继续该运行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="178"/>
        <location filename="../app/gui/main_window.cpp" line="213"/>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n 个候选模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="359"/>
        <source>%v / %m evaluated</source>
        <translation>已评估 %v / %m</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="374"/>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="375"/>
        <source>New project from the fmnist-mbconv template</source>
        <translation>已从 fmnist-mbconv 模板新建项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="383"/>
        <location filename="../app/gui/main_window.cpp" line="388"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="393"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="396"/>
        <source>%n problem(s) in the project; see the Project panel</source>
        <translation>
            <numerusform>项目中有 %n 个问题；请查看项目面板</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="424"/>
        <location filename="../app/gui/main_window.cpp" line="428"/>
        <source>Project not saved</source>
        <translation>项目未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="425"/>
        <source>The project has problems, so nothing was written:

%1</source>
        <translation>项目存在问题，因此未写入任何内容：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="436"/>
        <location filename="../app/gui/main_window.cpp" line="437"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="446"/>
        <source>Project is valid</source>
        <translation>项目有效</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="447"/>
        <source>%n problem(s) in the project</source>
        <translation>
            <numerusform>项目中有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="468"/>
        <source>inline space</source>
        <translation>内嵌搜索空间</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="472"/>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="476"/>
        <source>&lt;i&gt;The project names no readable search space.&lt;/i&gt;</source>
        <translation>&lt;i&gt;项目未指定可读取的搜索空间。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="489"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="528"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="529"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>项目有未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="538"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="544"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="557"/>
        <source>Settings saved; LibTorch uses %n thread(s)</source>
        <translation>
            <numerusform>设置已保存；LibTorch 使用 %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="562"/>
        <source>About EdgeSmith</source>
        <translation>关于 EdgeSmith</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="563"/>
        <source>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automated design and compression of deep learning models for edge devices: architecture search, pruning, quantization, distillation and low-rank decomposition under latency, memory and storage budgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n compute thread(s) · CUDA %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;面向边缘设备的深度学习模型自动设计与压缩：在延迟、内存和存储预算下进行架构搜索、剪枝、量化、蒸馏和低秩分解。&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n 个计算线程 · CUDA %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="570"/>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="570"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CandidateTableModel</name>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="56"/>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::JsonTreeModel</name>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="157"/>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="239"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../widgets/json_tree_model.cpp" line="239"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LogView</name>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="16"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="40"/>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="43"/>
        <source>Y axis:</source>
        <translation>Y 轴：</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="58"/>
        <source>No candidates yet.
Run a search to see the accuracy–cost trade-off here.</source>
        <translation>暂无候选模型。
运行搜索后，这里将显示精度与开销的权衡。</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="68"/>
        <source>dominated</source>
        <translation>被支配</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="72"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ProjectPanel</name>
    <message>
        <location filename="../widgets/project_panel.cpp" line="77"/>
        <source>No problems: the project is valid.</source>
        <translation>没有问题：项目有效。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/project_panel.cpp" line="78"/>
        <source>%n problem(s) — nothing is saved until they are fixed:</source>
        <translation>
            <numerusform>%n 个问题 — 修复之前不会保存：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="21"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="26"/>
        <source>All cores (%1)</source>
        <translation>全部核心 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="28"/>
        <source>Intra-op threads for training and inference</source>
        <translation>训练和推理使用的算子内线程数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="31"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/settings_dialog.cpp" line="32"/>
        <source>CUDA (%n GPU(s))</source>
        <translation>
            <numerusform>CUDA（%n 个 GPU）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>No CUDA device was found by LibTorch %1</source>
        <translation>LibTorch %1 未找到 CUDA 设备</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Beside each project file</source>
        <translation>与各项目文件同目录</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="41"/>
        <source>Default database folder</source>
        <translation>默认数据库文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="49"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="56"/>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="57"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="58"/>
        <source>Database folder:</source>
        <translation>数据库文件夹：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="59"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="60"/>
        <source>A new language takes effect the next time EdgeSmith starts.</source>
        <translation>新语言将在 EdgeSmith 下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="37"/>
        <source>EdgeSmith workbench: design and compress models for edge devices</source>
        <translation>EdgeSmith 工作台：为边缘设备设计和压缩模型</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="40"/>
        <source>Project file to open (default: the last one, else the default project)</source>
        <translation>要打开的项目文件（默认：上次打开的项目，否则为默认项目）</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>Save a PNG of the window and quit</source>
        <translation>保存窗口的 PNG 截图后退出</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="42"/>
        <source>Interface language: en, de, zh_CN</source>
        <translation>界面语言：en、de、zh_CN</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="43"/>
        <source>Window size, e.g. 1400x860</source>
        <translation>窗口大小，例如 1400x860</translation>
    </message>
</context>
</TS>
