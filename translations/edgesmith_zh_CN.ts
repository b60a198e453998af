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
        <location filename="../app/gui/main_window.cpp" line="76"/>
        <source>EdgeSmith projects (*.edgesmith.json);;JSON files (*.json);;All files (*)</source>
        <translation>EdgeSmith 项目 (*.edgesmith.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="126"/>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="128"/>
        <source>Start a project from the Fashion-MNIST MBConv template</source>
        <translation>从 Fashion-MNIST MBConv 模板新建项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="132"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="135"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="138"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="141"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="150"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="164"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>&amp;About EdgeSmith</source>
        <translation>关于 EdgeSmith(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="170"/>
        <source>&amp;Start Search</source>
        <translation>开始搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="173"/>
        <source>Run the project&apos;s strategy; candidates appear in the Pareto and Candidates tabs as they are evaluated</source>
        <translation>运行项目的搜索策略；候选模型评估后即显示在“帕累托”和“候选”标签页中</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="175"/>
        <source>Start Search &amp;With…</source>
        <translation>设置并开始搜索(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="178"/>
        <source>Choose the strategy, estimator, objectives and budget, then start</source>
        <translation>选择策略、评估器、目标和预算，然后开始</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>Res&amp;ume Run</source>
        <translation>继续运行(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>Continue the run selected in the Runs tab from its last committed candidate</source>
        <translation>从最后提交的候选处继续运行标签页中选中的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="188"/>
        <source>&amp;Compress Selected Candidate…</source>
        <translation>压缩所选候选(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="190"/>
        <source>Search a mixed-precision, pruning or low-rank policy for the selected candidate, or run the project&apos;s pipeline</source>
        <translation>为所选候选搜索混合精度、剪枝或低秩策略，或运行项目的流水线</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="192"/>
        <source>&amp;Export Selected Candidate…</source>
        <translation>导出所选候选(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="195"/>
        <source>Write the selected candidate as ONNX (float or int8), a LibTorch archive, JSON or C arrays</source>
        <translation>将所选候选写为 ONNX（浮点或 int8）、LibTorch 归档、JSON 或 C 数组</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="197"/>
        <source>Export Run &amp;Report…</source>
        <translation>导出运行报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="199"/>
        <source>Write an HTML page (Pareto plot, front, layers, curves) and a CSV of the shown run</source>
        <translation>为当前显示的运行写出 HTML 页面（帕累托图、前沿、层、曲线）和 CSV</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <source>Paused: evaluations in progress finish, no new ones start</source>
        <translation>已暂停：进行中的评估将完成，不再开始新的评估</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="207"/>
        <location filename="../app/gui/main_window.cpp" line="833"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="209"/>
        <source>&amp;Cancel Search</source>
        <translation>取消搜索(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="212"/>
        <source>&amp;Device profiles…</source>
        <translation>设备配置文件(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="214"/>
        <source>Look at, edit and choose the device profiles the project&apos;s latency and memory are modelled for</source>
        <translation>查看、编辑并选择用于建模项目延迟和内存的设备配置文件</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="216"/>
        <source>&amp;Measure on a Device…</source>
        <translation>在设备上测量(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="218"/>
        <source>Write a kit of networks to time on your device, import its results, and fit a latency model to them</source>
        <translation>写出一套在你的设备上计时的网络测量包，导入其结果，并据此拟合延迟模型</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="220"/>
        <source>Run on C&amp;luster…</source>
        <translation>在集群上运行(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>Write the sbatch script that runs the saved project&apos;s search on Slurm nodes with MPI, submit it, and follow its run</source>
        <translation>编写用 MPI 在 Slurm 节点上运行已保存项目搜索的 sbatch 脚本，提交它并跟踪其运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="237"/>
        <source>Run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>estimating…</source>
        <translation>正在估算…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="245"/>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Searching: %n evaluated, %1</source>
        <translation>
            <numerusform>搜索中：已评估 %n 个，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Search %1: %2</source>
        <translation type="vanished">搜索%1：%2</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation type="vanished">搜索失败</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="289"/>
        <location filename="../app/gui/main_window.cpp" line="305"/>
        <source>Cannot compress</source>
        <translation>无法压缩</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="289"/>
        <source>Select one candidate in the table or the Pareto plot first.</source>
        <translation>请先在表格或帕累托图中选择一个候选。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="305"/>
        <source>The project must be valid and saved: the compression run goes to its experiment database.</source>
        <translation>项目必须有效且已保存：压缩运行会写入其实验数据库。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="314"/>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="315"/>
        <source>Compressing %1…</source>
        <translation>正在压缩 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <location filename="../app/gui/main_window.cpp" line="344"/>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <location filename="../app/gui/main_window.cpp" line="380"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="328"/>
        <source>Select one candidate of a run in the table or the Pareto plot first.</source>
        <translation>请先在表格或帕累托图中选择某次运行的一个候选。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="332"/>
        <source>Save the project first: exports read its store and data.</source>
        <translation>请先保存项目：导出会读取其数据库和数据。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="336"/>
        <source>The project must be valid: exports train with its settings and data.</source>
        <translation>项目必须有效：导出会使用其设置和数据进行训练。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <source>Open a saved project and show one of its runs first.</source>
        <translation>请先打开已保存的项目并显示其中一次运行。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="365"/>
        <source>Export Run Report</source>
        <translation>导出运行报告</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="365"/>
        <source>HTML pages (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="380"/>
        <source>The project must be valid and saved: exports read its store and data.</source>
        <translation>项目必须有效且已保存：导出会读取其数据库和数据。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="385"/>
        <source>Exporting candidate %1 of run %2…</source>
        <translation>正在导出运行 %2 的候选 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="585"/>
        <source>Cannot show run %1</source>
        <translation>无法显示运行 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="592"/>
        <source>Showing run %1: %n candidate(s)</source>
        <translation>
            <numerusform>正在显示运行 %1：%n 个候选</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="633"/>
        <source>Search settings</source>
        <translation>搜索设置</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="647"/>
        <source>Device profile %1</source>
        <translation>设备配置文件 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="651"/>
        <source>Saved device profile %1</source>
        <translation>已保存设备配置文件 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="661"/>
        <location filename="../app/gui/main_window.cpp" line="668"/>
        <source>Cannot measure on a device</source>
        <translation>无法在设备上测量</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="661"/>
        <source>Save the project first: the measurements and the fitted model are kept beside the project file.</source>
        <translation>请先保存项目：测量结果和拟合的模型保存在项目文件旁边。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="668"/>
        <source>The project has problems; fix them first:

%1</source>
        <translation>项目存在问题，请先修复：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="677"/>
        <source>Device latency model of %1</source>
        <translation>%1 的设备延迟模型</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="680"/>
        <source>Wrote a measurement kit of %1 networks to %2</source>
        <translation>已将包含 %1 个网络的测量包写入 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="683"/>
        <source>Imported device measurements into %1</source>
        <translation>已将设备测量结果导入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="687"/>
        <source>Kept the device latency model %1</source>
        <translation>已保留设备延迟模型 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="699"/>
        <location filename="../app/gui/main_window.cpp" line="707"/>
        <location filename="../app/gui/main_window.cpp" line="710"/>
        <source>Cannot run on a cluster</source>
        <translation>无法在集群上运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="699"/>
        <source>Save the project first: the cluster job reads the project file and writes the database beside it.</source>
        <translation>请先保存项目：集群作业读取项目文件，并在其旁边写入数据库。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="707"/>
        <source>The saved project has problems:

%1</source>
        <translation>已保存的项目有问题：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="716"/>
        <source>Submitted %1 as cluster job %2</source>
        <translation>已将 %1 提交为集群作业 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="730"/>
        <source>The cluster job uses the project as saved, without the unsaved changes</source>
        <translation>集群作业使用已保存的项目，不包含未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="734"/>
        <source>The cluster job reads the project file, which does not have the unsaved changes. Save them first?</source>
        <translation>集群作业读取项目文件，而文件中没有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="736"/>
        <source>Use the Saved File</source>
        <translation>使用已保存的文件</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="757"/>
        <source>Following cluster job %1: waiting for its run to start</source>
        <translation>正在跟踪集群作业 %1：等待其运行开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="762"/>
        <source>Following cluster job %1: %n candidate(s)</source>
        <translation>
            <numerusform>正在跟踪集群作业 %1：%n 个候选模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="764"/>
        <source>Cluster job %1: run %2 %3, %n candidate(s)</source>
        <translation>
            <numerusform>集群作业 %1：运行 %2 %3，%n 个候选模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="776"/>
        <source>Stopped following cluster job %1</source>
        <translation>已停止跟踪集群作业 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="810"/>
        <source>Resuming run %1…</source>
        <translation>正在继续运行 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="820"/>
        <location filename="../app/gui/main_window.cpp" line="826"/>
        <source>Cannot start the search</source>
        <translation>无法开始搜索</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="820"/>
        <source>The project has %n problem(s); fix those listed in the Project dock first.</source>
        <translation>
            <numerusform>项目有 %n 个问题；请先修复“项目”面板中列出的问题。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="826"/>
        <source>Save the project first: its experiment database and relative paths live beside the file.</source>
        <translation>请先保存项目：其实验数据库和相对路径位于项目文件旁边。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="842"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="846"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="854"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="861"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="871"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="874"/>
        <source>&amp;Project panel</source>
        <translation>项目面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="877"/>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="880"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="898"/>
        <source>&amp;Hardware</source>
        <translation>硬件(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="903"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="906"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="912"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="936"/>
        <source>Search space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="946"/>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="961"/>
        <source>Filter by genotype…</source>
        <translation>按基因型筛选…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="965"/>
        <source>All candidates</source>
        <translation>全部候选</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="966"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="967"/>
        <source>Evaluated</source>
        <translation>已评估</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="968"/>
        <source>Outside the budgets</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="969"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="970"/>
        <location filename="../app/gui/main_window.cpp" line="989"/>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="972"/>
        <source>Copy the selected rows (all shown rows when none is selected) as CSV (Ctrl+C)</source>
        <translation>将选中的行（未选中时为所有显示的行）复制为 CSV（Ctrl+C）</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1000"/>
        <source>Copied %n candidate(s) as CSV</source>
        <translation>
            <numerusform>已将 %n 个候选复制为 CSV</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1018"/>
        <source>Candidates</source>
        <translation>候选模型</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="vanished">层</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="vanished">算子</translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="vanished">输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="vanished">输出</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="vanished">MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="vanished">参数量</translation>
    </message>
    <message>
        <source>W bits</source>
        <translation type="vanished">权重位宽</translation>
    </message>
    <message>
        <source>A bits</source>
        <translation type="vanished">激活位宽</translation>
    </message>
    <message>
        <source>Pruned</source>
        <translation type="vanished">剪枝率</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="vanished">秩</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1021"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Pick two or more candidates in the Pareto or Candidates tab to compare them side by side.</source>
        <translation type="vanished">在“帕累托”或“候选模型”标签页中选择两个或更多候选模型，即可并排比较。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1024"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1063"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1068"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1216"/>
        <source>The project names no readable search space.</source>
        <translation>项目未指定可读取的搜索空间。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1314"/>
        <source>Search running</source>
        <translation>搜索正在运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1315"/>
        <source>A search is running. Stop it? Every evaluated candidate is kept; the run can be resumed with edgesmith-cli search --resume.</source>
        <translation>搜索正在运行。要停止吗？所有已评估的候选都会保留；可用 edgesmith-cli search --resume 继续该运行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="414"/>
        <location filename="../app/gui/main_window.cpp" line="431"/>
        <location filename="../app/gui/main_window.cpp" line="1070"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n 个候选模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="252"/>
        <source>, %1 s left</source>
        <translation>，剩余 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="252"/>
        <source>, %1 min left</source>
        <translation>，剩余 %1 分钟</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="254"/>
        <source>Training the supernet</source>
        <translation>正在训练超网络</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="255"/>
        <source>%1: %2 % done%3</source>
        <translation>%1：已完成 %2 %%3</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="263"/>
        <location filename="../app/gui/main_window.cpp" line="809"/>
        <location filename="../app/gui/main_window.cpp" line="832"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="264"/>
        <location filename="../app/gui/main_window.cpp" line="265"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="267"/>
        <source>%1 failed</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1027"/>
        <source>Architecture weights</source>
        <translation>架构权重</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1039"/>
        <source>Show run</source>
        <translation>显示运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1041"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1050"/>
        <source>Runs of this project&apos;s experiment database. Double-click one to show it in the Pareto, Candidates and Layers tabs.</source>
        <translation>本项目实验数据库中的运行。双击某个运行可在帕累托、候选和层标签页中显示它。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1060"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1074"/>
        <source>%v / %m evaluated</source>
        <translation>已评估 %v / %m</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1095"/>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1096"/>
        <source>New project from the fmnist-mbconv template</source>
        <translation>已从 fmnist-mbconv 模板新建项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1104"/>
        <location filename="../app/gui/main_window.cpp" line="1109"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1117"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1120"/>
        <source>%n problem(s) in the project; see the Project panel</source>
        <translation>
            <numerusform>项目中有 %n 个问题；请查看项目面板</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1126"/>
        <source>Stopped following cluster job %1: the project was closed</source>
        <translation>已停止跟踪集群作业 %1：项目已关闭</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1153"/>
        <location filename="../app/gui/main_window.cpp" line="1157"/>
        <source>Project not saved</source>
        <translation>项目未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1154"/>
        <source>The project has problems, so nothing was written:

%1</source>
        <translation>项目存在问题，因此未写入任何内容：

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1166"/>
        <location filename="../app/gui/main_window.cpp" line="1167"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1176"/>
        <source>Project is valid</source>
        <translation>项目有效</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1177"/>
        <source>%n problem(s) in the project</source>
        <translation>
            <numerusform>项目中有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1209"/>
        <source>inline space</source>
        <translation>内嵌搜索空间</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1213"/>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;The project names no readable search space.&lt;/i&gt;</source>
        <translation type="vanished">&lt;i&gt;项目未指定可读取的搜索空间。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1224"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="733"/>
        <location filename="../app/gui/main_window.cpp" line="1263"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1264"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>项目有未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1273"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1279"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1292"/>
        <source>Settings saved; LibTorch uses %n thread(s)</source>
        <translation>
            <numerusform>设置已保存；LibTorch 使用 %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1297"/>
        <source>About EdgeSmith</source>
        <translation>关于 EdgeSmith</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="1298"/>
        <source>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;Automated design and compression of deep learning models for edge devices: architecture search, pruning, quantization, distillation and low-rank decomposition under latency, memory and storage budgets.&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n compute thread(s) · CUDA %3&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;h3&gt;EdgeSmith %1&lt;/h3&gt;&lt;p&gt;面向边缘设备的深度学习模型自动设计与压缩：在延迟、内存和存储预算下进行架构搜索、剪枝、量化、蒸馏和低秩分解。&lt;/p&gt;&lt;p&gt;LibTorch %2 · %n 个计算线程 · CUDA %3&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1305"/>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="1305"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ArchitectureWeightsView</name>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="25"/>
        <source>Select a candidate of a differentiable search (edgesmith-cli differentiable --record) to see how its architecture weights, softmax(α) of every option, moved epoch by epoch.</source>
        <translation>选择一个可微分搜索的候选（edgesmith-cli differentiable --record），查看其架构权重（每个选项的 softmax(α)）如何逐轮变化。</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="29"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="75"/>
        <source>softmax(α)</source>
        <translation>softmax(α)</translation>
    </message>
    <message>
        <location filename="../widgets/architecture_weights_view.cpp" line="108"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: softmax(α) per option, %2 epochs; cost %3, derived %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：每个选项的 softmax(α)，%2 轮；代价 %3，导出 %4</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CandidateTableModel</name>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="108"/>
        <source>On the Pareto front of the project&apos;s objectives</source>
        <translation>位于项目目标的帕累托前沿上</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="115"/>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="116"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="117"/>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="118"/>
        <source>Generation</source>
        <translation>代</translation>
    </message>
    <message>
        <location filename="../widgets/candidate_table_model.cpp" line="119"/>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ClusterDialog</name>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="69"/>
        <source>Run on cluster</source>
        <translation>在集群上运行</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="70"/>
        <source>Runs the project&apos;s search on a Slurm allocation: every rank starts edgesmith-cli with the MPI executor. The job may be requeued (node failure, time limit) and then continues the same run from the database.</source>
        <translation>在 Slurm 分配的资源上运行项目的搜索：每个进程（rank）都以 MPI 执行器启动 edgesmith-cli。作业可能被重新排队（节点故障、时间限制），之后会从数据库继续同一次运行。</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="81"/>
        <source>&lt;b&gt;sbatch script&lt;/b&gt;</source>
        <translation>&lt;b&gt;sbatch 脚本&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="92"/>
        <source>Nodes the job allocates (#SBATCH --nodes)</source>
        <translation>作业分配的节点数（#SBATCH --nodes）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="93"/>
        <source>Ranks per node that train and score candidates; automatic: one per GPU, else 2</source>
        <translation>每个节点上训练并评估候选模型的进程数；自动：每个 GPU 一个，否则 2 个</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="94"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="95"/>
        <source>Cores per rank (#SBATCH --cpus-per-task): the training threads of each evaluation</source>
        <translation>每个进程的核心数（#SBATCH --cpus-per-task）：每次评估的训练线程数</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="96"/>
        <source>GPUs per node (#SBATCH --gpus-per-node); each evaluating rank takes the GPU of its place on the node</source>
        <translation>每个节点的 GPU 数（#SBATCH --gpus-per-node）；每个评估进程使用与其在节点上的序号对应的 GPU</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="97"/>
        <source>Candidates to evaluate (search --budget); 0 keeps the strategy&apos;s own</source>
        <translation>要评估的候选模型数（search --budget）；0 表示沿用策略设置</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="98"/>
        <source>the strategy&apos;s own</source>
        <translation>沿用策略设置</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="100"/>
        <source>Slurm time limit: HH:MM:SS, D-HH:MM:SS or minutes. The job requeues itself shortly before it and continues the run.</source>
        <translation>Slurm 时间限制：HH:MM:SS、D-HH:MM:SS（D 为天数）或分钟数。作业会在到时前不久自行重新排队并继续运行。</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="102"/>
        <source>the cluster&apos;s default</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="103"/>
        <source>Slurm partition (#SBATCH --partition); empty: the cluster&apos;s default</source>
        <translation>Slurm 分区（#SBATCH --partition）；留空：集群默认值</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="105"/>
        <source>srun (Slurm, --mpi=pmix)</source>
        <translation>srun（Slurm，--mpi=pmix）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="106"/>
        <source>mpirun (OpenMPI)</source>
        <translation>mpirun（OpenMPI）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="107"/>
        <source>How the ranks are started: srun with the PMIx plugin, or OpenMPI&apos;s mpirun inside the allocation</source>
        <translation>进程的启动方式：使用 PMIx 插件的 srun，或在分配的资源内使用 OpenMPI 的 mpirun</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="108"/>
        <source>Rank 0 shares the evaluating ranks&apos; cores (--overcommit)</source>
        <translation>进程 0 与评估进程共用核心（--overcommit）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="109"/>
        <source>Rank 0 mostly waits for results: without this the job asks for one more core than the evaluating ranks use</source>
        <translation>进程 0 大部分时间在等待结果：不选此项时，作业会比评估进程多申请一个核心</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="120"/>
        <source>The edgesmith-cli the ranks run: the nodes must see it at this path</source>
        <translation>各进程运行的 edgesmith-cli：节点必须能在此路径下访问它</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="123"/>
        <source>(not found here: the nodes must have it on PATH)</source>
        <translation>（本机未找到：节点的 PATH 中必须有它）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="154"/>
        <source>&amp;Nodes</source>
        <translation>节点数(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="155"/>
        <source>&amp;Evaluating ranks per node</source>
        <translation>每节点评估进程数(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="156"/>
        <source>&amp;Cores per rank</source>
        <translation>每进程核心数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="157"/>
        <source>&amp;GPUs per node</source>
        <translation>每节点 GPU 数(&amp;G)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="158"/>
        <source>&amp;Time limit</source>
        <translation>时间限制(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="159"/>
        <source>&amp;Partition</source>
        <translation>分区(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="160"/>
        <source>&amp;Launcher</source>
        <translation>启动器(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="161"/>
        <source>Search &amp;budget</source>
        <translation>搜索预算(&amp;B)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="163"/>
        <location filename="../widgets/cluster_dialog.cpp" line="213"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="172"/>
        <source>&amp;Save script…</source>
        <translation>保存脚本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="174"/>
        <source>S&amp;ubmit</source>
        <translation>提交(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="176"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="205"/>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="206"/>
        <source>Evaluating ranks per node</source>
        <translation>每节点评估进程数</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="207"/>
        <source>Cores per rank</source>
        <translation>每进程核心数</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="208"/>
        <source>GPUs per node</source>
        <translation>每节点 GPU 数</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="209"/>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="210"/>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="211"/>
        <source>Launcher</source>
        <translation>启动器</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="212"/>
        <source>Search budget</source>
        <translation>搜索预算</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="225"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="234"/>
        <source>%1 ranks on one node</source>
        <translation>1 个节点上共 %1 个进程</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="234"/>
        <source>%1 ranks on %2 nodes</source>
        <translation>%2 个节点上共 %1 个进程</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="235"/>
        <source>%1: rank 0 runs the search strategy and the database on the first node, the other %2 evaluate candidates.</source>
        <translation>%1：0 号进程在第一个节点上运行搜索策略和数据库，其余 %2 个进程评估候选模型。</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="246"/>
        <source>Write the script, executable, to a file of your choice (default %1)</source>
        <translation>将脚本写入所选文件并设为可执行（默认 %1）</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="247"/>
        <location filename="../widgets/cluster_dialog.cpp" line="251"/>
        <source>Fix the field named in red first</source>
        <translation>请先修正红字指出的字段</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="250"/>
        <source>sbatch is not on PATH: this machine cannot submit to Slurm. Save the script and run sbatch on the cluster&apos;s login node.</source>
        <translation>PATH 中没有 sbatch：本机无法向 Slurm 提交作业。请保存脚本，然后在集群的登录节点上用 sbatch 提交。</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="252"/>
        <source>Save the script as %1 and submit it with sbatch; the window then follows the run</source>
        <translation>将脚本保存为 %1 并用 sbatch 提交；之后窗口会跟踪该运行</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="256"/>
        <source>Save sbatch script</source>
        <translation>保存 sbatch 脚本</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="256"/>
        <source>Slurm scripts (*.sbatch *.sh);;All files (*)</source>
        <translation>Slurm 脚本 (*.sbatch *.sh);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="269"/>
        <source>Script not saved</source>
        <translation>脚本未保存</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="276"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="291"/>
        <source>Submitting %1…</source>
        <translation>正在提交 %1…</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="309"/>
        <source>Submitted job %1. The main window follows its run in the project&apos;s database.</source>
        <translation>已提交作业 %1。主窗口会在项目数据库中跟踪其运行。</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="314"/>
        <source>sbatch exited with status %1 and said nothing</source>
        <translation>sbatch 以状态 %1 退出，没有任何输出</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="315"/>
        <source>sbatch did not accept the job: %1</source>
        <translation>sbatch 未接受该作业：%1</translation>
    </message>
    <message>
        <location filename="../widgets/cluster_dialog.cpp" line="316"/>
        <source>Job not submitted</source>
        <translation>作业未提交</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CompareView</name>
    <message>
        <location filename="../widgets/compare_view.cpp" line="34"/>
        <source>Pick two to four candidates to compare them side by side: Ctrl+click rows in the Candidates table, or Shift+drag a rectangle in the Pareto plot.</source>
        <translation>选择两到四个候选进行并排比较：在候选表中 Ctrl+单击行，或在帕累托图中按住 Shift 拖出矩形。</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="41"/>
        <source>MACs per layer</source>
        <translation>每层 MACs</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="47"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="48"/>
        <source>Validation accuracy (%)</source>
        <translation>验证精度（%）</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="59"/>
        <source>Metrics and layers</source>
        <translation>指标与层</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="60"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="61"/>
        <source>Confusion matrices</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="93"/>
        <location filename="../widgets/compare_view.cpp" line="165"/>
        <location filename="../widgets/compare_view.cpp" line="203"/>
        <source>Candidate %1</source>
        <translation>候选 %1</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="95"/>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="104"/>
        <source>Accuracy from</source>
        <translation>准确率来源</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="107"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="225"/>
        <source>Candidate %1: predicted</source>
        <translation>候选 %1：预测</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="226"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../widgets/compare_view.cpp" line="248"/>
        <source>No confusion matrices: they are stored for candidates trained on data.</source>
        <translation>没有混淆矩阵：只有在数据上训练的候选才会保存。</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::CompressDialog</name>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="17"/>
        <source>Compress %1</source>
        <translation>压缩 %1</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="19"/>
        <source>Mixed precision (per-layer bitwidths)</source>
        <translation>混合精度（逐层位宽）</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="20"/>
        <source>Structured pruning (per-layer rates)</source>
        <translation>结构化剪枝（逐层比例）</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="21"/>
        <source>Low-rank factorisation (per-layer ranks)</source>
        <translation>低秩分解（逐层秩）</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="22"/>
        <source>The project&apos;s compression pipeline</source>
        <translation>项目的压缩流水线</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="32"/>
        <source>-bit weights</source>
        <translation> 位权重</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="40"/>
        <source>the project&apos;s</source>
        <translation>按项目设置</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="48"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="49"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="50"/>
        <source>Policies scored</source>
        <translation>评估的策略数</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="51"/>
        <source>Storage budget as uniform</source>
        <translation>存储预算相当于统一</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="52"/>
        <source>MACs budget</source>
        <translation>MAC 预算</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="53"/>
        <source>Training epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="54"/>
        <source>Fine-tuning epochs</source>
        <translation>微调轮数</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="56"/>
        <source>Compress</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="78"/>
        <source>Each policy is scored by post-training quantization and validation accuracy, under the storage of uniform %1-bit weights; the best is fine-tuned with quantization-aware training.</source>
        <translation>每个策略通过训练后量化和验证准确率评估，存储不超过统一 %1 位权重；最佳策略再经量化感知训练微调。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/compress_dialog.cpp" line="81"/>
        <source>Runs the %n step(s) of the project&apos;s compression pipeline.</source>
        <translation>
            <numerusform>运行项目压缩流水线的 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="82"/>
        <source>The project&apos;s compression pipeline is empty: add steps to the project first.</source>
        <translation>项目的压缩流水线为空：请先在项目中添加步骤。</translation>
    </message>
    <message>
        <location filename="../widgets/compress_dialog.cpp" line="84"/>
        <source>Each policy is scored on a pruned or factorised copy with validation accuracy, under the chosen share of the float network&apos;s MACs; the best is fine-tuned.</source>
        <translation>每个策略在剪枝或分解后的副本上以验证准确率评估，MAC 不超过浮点网络的所选比例；最佳策略再经微调。</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ConvergenceView</name>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="29"/>
        <location filename="../widgets/convergence_view.cpp" line="122"/>
        <source>Evaluations</source>
        <translation>评估次数</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="30"/>
        <location filename="../widgets/convergence_view.cpp" line="122"/>
        <source>Evaluation time (s)</source>
        <translation>评估时间（秒）</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="33"/>
        <source>Convergence against:</source>
        <translation>收敛横轴：</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="44"/>
        <location filename="../widgets/convergence_view.cpp" line="51"/>
        <source>Hypervolume</source>
        <translation>超体积</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="48"/>
        <location filename="../widgets/convergence_view.cpp" line="70"/>
        <source>Best so far</source>
        <translation>目前最佳</translation>
    </message>
    <message>
        <location filename="../widgets/convergence_view.cpp" line="71"/>
        <source>Best %1 so far</source>
        <translation>目前最佳 %1</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::DeviceMeasureDialog</name>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="154"/>
        <source>Measure on a device</source>
        <translation>在设备上测量</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="162"/>
        <source>Time networks of the project&apos;s space on the device you ship to, bring the times back, and fit a latency model to them; searches then predict that device&apos;s latency. The steps follow docs/devices.md.</source>
        <translation>在你要部署的设备上对项目搜索空间中的网络计时，把时间带回来，并据此拟合延迟模型；之后的搜索就会预测该设备的延迟。步骤见 docs/devices.md。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="167"/>
        <source>1. Kit</source>
        <translation>1. 测量包</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="168"/>
        <source>2. Import</source>
        <translation>2. 导入</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="169"/>
        <source>3. Fit</source>
        <translation>3. 拟合</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="188"/>
        <source>The device the networks are timed on: its measurements and its fitted model are kept under this profile&apos;s name</source>
        <translation>对网络计时的设备：其测量结果和拟合的模型以此配置文件的名称保存</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="194"/>
        <source>&amp;Device profile:</source>
        <translation>设备配置文件(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="210"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="224"/>
        <source>Architectures to time: a few dozen give a first model; the learning curve in step 3 says whether more would help</source>
        <translation>要计时的架构数：几十个即可得到初步模型；第 3 步的学习曲线会显示更多网络是否有帮助</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="227"/>
        <source>diverse: spread over MACs, depth and operator mix, the extremes included</source>
        <translation>多样：在 MACs、深度和算子组成上分散分布，包括极端情况</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="228"/>
        <source>random: uniform draws</source>
        <translation>随机：均匀抽取</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="229"/>
        <source>Next round: the networks the current model is least sure of</source>
        <translation>下一轮：当前模型最没有把握的网络</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="231"/>
        <source>Also one model per distinct layer configuration (per-layer times for the kernel table)</source>
        <translation>另为每种不同的层配置各写一个模型（用于 kernel 表的逐层时间）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="236"/>
        <source>The kit&apos;s folder; a kit written there before is replaced. A relative path is taken beside the project.</source>
        <translation>测量包所在文件夹；之前写在那里的测量包会被替换。相对路径以项目所在位置为准。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="237"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="238"/>
        <source>&amp;Write kit</source>
        <translation>写出测量包(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="265"/>
        <source>&amp;Networks:</source>
        <translation>网络数(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="266"/>
        <source>&amp;Choice:</source>
        <translation>选取方式(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="269"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="286"/>
        <source>The runner writes results.csv into the kit&apos;s folder on the device. Every line is checked before anything is kept: genotypes of the project&apos;s space, times that are positive numbers in ms, p10 ≤ median ≤ p90, no row twice. Each import is kept as a dated file in devices/PROFILE.measurements/ beside the project; earlier ones stay, and a later measurement of a network replaces an earlier one when fitting.</source>
        <translation>运行脚本会在设备上把 results.csv 写入测量包文件夹。保存任何内容之前都会逐行检查：基因型属于项目的搜索空间，时间为以毫秒计的正数，p10 ≤ 中位数 ≤ p90，且没有重复行。每次导入都作为带日期的文件保存在项目旁的 devices/PROFILE.measurements/ 中；之前的导入会保留，拟合时同一网络较新的测量会取代较早的测量。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="291"/>
        <source>Only networks of the kit: its manifest.json beside results.csv, else in the kit folder of step 1</source>
        <translation>仅限测量包中的网络：使用 results.csv 旁边的 manifest.json，否则使用第 1 步测量包文件夹中的</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="294"/>
        <source>&amp;Import results…</source>
        <translation>导入结果(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="321"/>
        <source>&amp;Fit models</source>
        <translation>拟合模型(&amp;F)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>RMSE (ms)</source>
        <translation>RMSE（毫秒）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Within ±5 %</source>
        <translation>误差 ±5 % 以内</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Within ±10 %</source>
        <translation>误差 ±10 % 以内</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>Spearman</source>
        <translation>Spearman</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="329"/>
        <source>µs per prediction</source>
        <translation>每次预测微秒数</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="333"/>
        <source>Each model scored on networks it was not fitted on (k-fold cross-validation); the lowest RMSE is chosen</source>
        <translation>每个模型都在未参与拟合的网络上评分（k 折交叉验证）；选择 RMSE 最低的模型</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="336"/>
        <source>Networks fitted on</source>
        <translation>用于拟合的网络数</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="336"/>
        <source>Held-out networks within ±10 % (%)</source>
        <translation>留出网络中误差 ±10 % 以内的比例（%）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="337"/>
        <source>Measured on the device (ms)</source>
        <translation>设备实测（毫秒）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="337"/>
        <source>Predicted (ms)</source>
        <translation>预测（毫秒）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="338"/>
        <source>&amp;Keep model</source>
        <translation>保留模型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="340"/>
        <source>&amp;Use for this project</source>
        <translation>用于此项目(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="342"/>
        <source>Set hardware.profile to this profile and hardware.latency_model to &quot;device&quot; (one undoable edit)</source>
        <translation>将 hardware.profile 设为此配置文件，hardware.latency_model 设为 &quot;device&quot;（一次可撤销的编辑）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="364"/>
        <source>&lt;b&gt;Learning curve&lt;/b&gt;: does the model still gain from more networks?</source>
        <translation>&lt;b&gt;学习曲线&lt;/b&gt;：更多网络是否仍能提升模型？</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="365"/>
        <source>&lt;b&gt;Residuals&lt;/b&gt; of the chosen model: where it is not to be trusted</source>
        <translation>所选模型的&lt;b&gt;残差&lt;/b&gt;：哪里不可信</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="437"/>
        <source>nothing measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="438"/>
        <source>%1 networks and %2 layer configurations measured, in %3 imports</source>
        <translation>已测量 %1 个网络和 %2 种层配置，共 %3 次导入</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="442"/>
        <source> (%1 of another search space left out)</source>
        <translation>（已略去 %1 次来自其他搜索空间的导入）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="450"/>
        <source>; the model kept was fitted to another search space: fit again</source>
        <translation>；保留的模型是针对其他搜索空间拟合的：请重新拟合</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="454"/>
        <source>; a %1 model kept, fitted on %2 networks on %3 UTC</source>
        <translation>；已保留 %1 模型，于 %3 UTC 在 %2 个网络上拟合</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="458"/>
        <source>The project&apos;s space cannot be read: %1</source>
        <translation>无法读取项目的搜索空间：%1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="474"/>
        <source>Of many unmeasured architectures, those whose latency models fitted on bootstrap resamples of the %1 measured networks disagree on most: measuring them teaches the model most</source>
        <translation>从大量未测量的架构中，选出在 %1 个已测网络的自助重采样上拟合的延迟模型分歧最大的那些：测量它们对模型帮助最大</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="477"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="483"/>
        <source>Needs at least 5 networks of this profile imported; %1 so far</source>
        <translation>需要至少导入此配置文件的 5 个网络；目前为 %1 个</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="482"/>
        <source>Cross-validate the four models on the %1 networks measured (takes a moment)</source>
        <translation>在已测量的 %1 个网络上交叉验证四个模型（需要片刻）</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="485"/>
        <source>Write the chosen model, fitted on every network, with its report to %1</source>
        <translation>将在所有网络上拟合的所选模型及其报告写入 %1</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="491"/>
        <source>Folder of the kit</source>
        <translation>测量包文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="499"/>
        <source>Results of the device</source>
        <translation>设备的结果</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="499"/>
        <source>Runner results (*.csv);;All files (*)</source>
        <translation>运行结果 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="539"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Kit not written</source>
        <translation>未写出测量包</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="539"/>
        <source>Choose the folder the kit is written to.</source>
        <translation>请选择写入测量包的文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Choosing what the model is least sure of and writing the kit…</source>
        <translation>正在选出模型最没有把握的网络并写出测量包…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="550"/>
        <source>Writing the kit…</source>
        <translation>正在写出测量包…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="561"/>
        <source>Wrote %1 networks and %2 layer configurations to %3.&lt;br&gt;Copy the folder to the device and run this there (Python with onnxruntime; or node run_onnxruntime.js, or run_perf_test.sh where there is no Python), then import the results.csv it writes in step 2:</source>
        <translation>已将 %1 个网络和 %2 种层配置写入 %3。&lt;br&gt;把该文件夹复制到设备上并在那里运行以下命令（需要带 onnxruntime 的 Python；也可用 node run_onnxruntime.js，没有 Python 时用 run_perf_test.sh），然后在第 2 步导入它写出的 results.csv：</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="598"/>
        <source>Imported %1 measurements (%2 networks, %3 layers); %4 unstable; %5 imports of %6 kept.</source>
        <translation>已导入 %1 条测量（%2 个网络，%3 个层）；%4 条不稳定；%6 共保存了 %5 次导入。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="605"/>
        <source>The device changed speed while measuring the unstable ones: consider measuring them again.</source>
        <translation>测量不稳定的那些时设备速度发生了变化：建议重新测量它们。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="606"/>
        <source>Checked against the project&apos;s space (no kit found to check against).</source>
        <translation>已对照项目的搜索空间检查（未找到可对照的测量包）。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="607"/>
        <source>Checked against the kit in %1.</source>
        <translation>已对照 %1 中的测量包检查。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="622"/>
        <source>Nothing imported: the results have these problems. Fix them and import again.</source>
        <translation>未导入任何内容：结果存在以下问题。请修复后重新导入。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="625"/>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="630"/>
        <location filename="../widgets/device_measure_dialog.cpp" line="636"/>
        <source>Models not fitted</source>
        <translation>未拟合模型</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="630"/>
        <source>Fitting needs at least 5 networks of %1 imported; %2 so far.</source>
        <translation>拟合需要至少导入 %1 的 5 个网络；目前为 %2 个。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="636"/>
        <source>Fitting and cross-validating four models…</source>
        <translation>正在拟合并交叉验证四个模型…</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="657"/>
        <source>Cross-validated on %1 networks (%2 folds). The &lt;b&gt;%3&lt;/b&gt; model has the lowest RMSE; refitted on all of them, it is the one kept.</source>
        <translation>已在 %1 个网络上交叉验证（%2 折）。&lt;b&gt;%3&lt;/b&gt; 模型的 RMSE 最低；在全部网络上重新拟合后，保留的就是它。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="664"/>
        <source>It is still improving with more networks: measure a next round (step 1).</source>
        <translation>网络越多它仍在改进：请再测量一轮（第 1 步）。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="666"/>
        <source>%1 of the measurements were marked unstable by the runner.</source>
        <translation>其中 %1 条测量被运行脚本标记为不稳定。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="667"/>
        <source>%1 imports of another search space were left out.</source>
        <translation>已略去 %1 次来自其他搜索空间的导入。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="684"/>
        <source>%1 ✔ chosen</source>
        <translation>%1 ✔ 已选</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="733"/>
        <source>y = x</source>
        <translation>y = x</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="734"/>
        <source>±10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="743"/>
        <source>within ±10 %</source>
        <translation>误差 ±10 % 以内</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="744"/>
        <source>off by more than 10 %</source>
        <translation>偏差超过 10 %</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="757"/>
        <source>Cross-validates the MACs baseline, a per-operator table (lut), a per-kernel table (kernel) and boosted trees on the latest measurement of each network, and keeps the one with the lowest RMSE.</source>
        <translation>用每个网络的最新测量交叉验证 MACs 基线、逐算子表（lut）、逐内核表（kernel）和提升树（boosted），并保留 RMSE 最低的模型。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="778"/>
        <source>Model not kept</source>
        <translation>未保留模型</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="782"/>
        <source>Kept the %1 model, fitted on all %2 networks, in %3. A project uses it with hardware.latency_model &quot;device&quot;.</source>
        <translation>已将在全部 %2 个网络上拟合的 %1 模型保留在 %3。项目通过 hardware.latency_model &quot;device&quot; 使用它。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="794"/>
        <source>The project now uses the model of %1: hardware.profile &quot;%1&quot;, hardware.latency_model &quot;device&quot; (Edit → Undo reverts it).</source>
        <translation>项目现在使用 %1 的模型：hardware.profile &quot;%1&quot;，hardware.latency_model &quot;device&quot;（编辑 → 撤销可还原）。</translation>
    </message>
    <message>
        <location filename="../widgets/device_measure_dialog.cpp" line="801"/>
        <source>%1 The dialog can be closed when it has finished.</source>
        <translation>%1 完成后才能关闭此对话框。</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::DeviceProfileDialog</name>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="52"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="65"/>
        <source>No sources given: say where the figures come from.</source>
        <translation>未给出来源：请说明这些数值从何而来。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="87"/>
        <source>Save to project</source>
        <translation>保存到项目</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="88"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="88"/>
        <source>Use for this project</source>
        <translation>用于此项目</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="90"/>
        <source>Device profiles</source>
        <translation>设备配置文件</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="92"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="106"/>
        <source>Where the figures come from; kept as they are when the profile is saved</source>
        <translation>数值的来源；保存配置文件时保持不变</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="110"/>
        <source>Set the project&apos;s hardware.profile to this profile as saved (one undoable edit); a profile other than host also selects the simulator latency model</source>
        <translation>将项目的 hardware.profile 设为已保存的此配置文件（一次可撤销的编辑）；host 以外的配置文件还会选择 simulator 延迟模型</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="113"/>
        <source>Save the project first: its own profiles live in a devices folder beside the project file</source>
        <translation>请先保存项目：项目自己的配置文件位于项目文件旁的 devices 文件夹中</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="119"/>
        <source>Write the profile to %1; a shipped profile saved here becomes the project&apos;s own copy, which wins over the shipped one</source>
        <translation>将配置文件写入 %1；在此保存的内置配置文件会成为项目自己的副本，并优先于内置配置文件</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="121"/>
        <source>Save a copy of this profile under a new name in the project&apos;s devices folder</source>
        <translation>以新名称将此配置文件的副本保存到项目的 devices 文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="124"/>
        <source>Shipped profiles come with EdgeSmith; the project&apos;s own live in a devices folder beside the project file. Bold: the profile the project uses.</source>
        <translation>内置配置文件随 EdgeSmith 提供；项目自己的配置文件位于项目文件旁的 devices 文件夹中。粗体：项目使用的配置文件。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="139"/>
        <source>&lt;b&gt;Sources&lt;/b&gt;</source>
        <translation>&lt;b&gt;来源&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>project, overrides shipped</source>
        <translation>项目，覆盖内置</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="198"/>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="206"/>
        <source>Used by this project</source>
        <translation>此项目正在使用</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="235"/>
        <source>the project&apos;s own, devices/%1.json</source>
        <translation>项目自己的，devices/%1.json</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="235"/>
        <source>shipped with EdgeSmith, resources/devices/%1.json</source>
        <translation>EdgeSmith 内置，resources/devices/%1.json</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="247"/>
        <source>Peak MAC/s:</source>
        <translation>峰值 MAC/s：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="248"/>
        <source>Memory bandwidth (B/s):</source>
        <translation>内存带宽（B/s）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="249"/>
        <source>RAM (bytes):</source>
        <translation>RAM（字节）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="250"/>
        <source>Flash (bytes):</source>
        <translation>Flash（字节）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="251"/>
        <source>Layer overhead (ms):</source>
        <translation>每层开销（ms）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="252"/>
        <source>Energy per MAC (pJ):</source>
        <translation>每次 MAC 能耗（pJ）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="253"/>
        <source>Energy per byte (pJ):</source>
        <translation>每字节能耗（pJ）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="294"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="307"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="316"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="327"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="334"/>
        <source>Profile not saved</source>
        <translation>配置文件未保存</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="294"/>
        <source>The profile has problems, so nothing was written:

%1</source>
        <translation>配置文件有问题，因此未写入任何内容：

%1</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="316"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="345"/>
        <source>Save the project first: its own profiles live in a devices folder beside the project file.</source>
        <translation>请先保存项目：项目自己的配置文件位于项目文件旁的 devices 文件夹中。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="327"/>
        <source>A profile named %1 exists already; choose another name, or select that profile to edit it.</source>
        <translation>已存在名为 %1 的配置文件；请换一个名称，或选中该配置文件进行编辑。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="334"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="349"/>
        <source>The name &quot;%1&quot; cannot be a file name: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>名称“%1”不能用作文件名：请使用字母、数字、&apos;.&apos;、&apos;-&apos; 和 &apos;_&apos;。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="345"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="349"/>
        <location filename="../widgets/device_profile_dialog.cpp" line="354"/>
        <source>Profile not copied</source>
        <translation>配置文件未复制</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="354"/>
        <source>A profile named %1 exists already; choose another name.</source>
        <translation>已存在名为 %1 的配置文件；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="370"/>
        <source>Duplicate profile</source>
        <translation>复制配置文件</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="370"/>
        <source>Name of the copy (its file in the project&apos;s devices folder):</source>
        <translation>副本名称（其文件位于项目的 devices 文件夹中）：</translation>
    </message>
    <message>
        <location filename="../widgets/device_profile_dialog.cpp" line="384"/>
        <source>Unsaved profiles</source>
        <translation>未保存的配置文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/device_profile_dialog.cpp" line="385"/>
        <source>%n profile(s) have edits that are not saved. Close and discard them?</source>
        <translation>
            <numerusform>%n 个配置文件有未保存的编辑。关闭并放弃这些编辑？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ExportDialog</name>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="44"/>
        <source>Export Candidate %1 of Run %2</source>
        <translation>导出运行 %2 的候选 %1</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="45"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="56"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="60"/>
        <source>Dynamic batch dimension (named &quot;batch&quot;; otherwise fixed at 1)</source>
        <translation>动态批次维度（名为 &quot;batch&quot;；否则固定为 1）</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="63"/>
        <source>from the file name</source>
        <translation>取自文件名</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="66"/>
        <source>the project&apos;s</source>
        <translation>沿用项目设置</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="67"/>
        <source>Train again even if a kept model exists</source>
        <translation>即使已保存模型也重新训练</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="77"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="78"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="79"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="80"/>
        <source>C identifier prefix</source>
        <translation>C 标识符前缀</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="81"/>
        <source>Training epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="85"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="133"/>
        <source>Name the file to write.</source>
        <translation>请指定要写入的文件。</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="141"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="142"/>
        <source>LibTorch archives (*.pt)</source>
        <translation>LibTorch 归档 (*.pt)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="143"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="144"/>
        <source>C sources (*.c)</source>
        <translation>C 源文件 (*.c)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="145"/>
        <source>HTML pages (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <location filename="../widgets/export_dialog.cpp" line="146"/>
        <source>Export to</source>
        <translation>导出到</translation>
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
    <name>edgesmith::widgets::LayerInspector</name>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="64"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="82"/>
        <source>&lt;i&gt;Select a candidate in the Pareto plot or the Candidates table to inspect its layers.&lt;/i&gt;</source>
        <translation>&lt;i&gt;在帕累托图或候选表中选择一个候选以查看其各层。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/layer_inspector.cpp" line="143"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LayerTableModel</name>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="69"/>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="69"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="71"/>
        <source>Limited by arithmetic: the layer&apos;s MACs take longer than moving its bytes</source>
        <translation>受计算限制：该层的 MAC 运算比搬运其数据耗时更长</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="72"/>
        <source>Limited by memory traffic: moving the layer&apos;s bytes takes longer than its MACs</source>
        <translation>受内存访问限制：搬运该层的数据比其 MAC 运算耗时更长</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="91"/>
        <source>%1 ms (%2 % of the network)</source>
        <translation>%1 ms（占网络的 %2 %）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="93"/>
        <source>%1 (%2 % of the network)</source>
        <translation>%1（占网络的 %2 %）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="106"/>
        <source>Output activation memory in KiB (fp32)</source>
        <translation>输出激活内存（KiB，fp32）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="107"/>
        <source>Weight bitwidth of the compression policy</source>
        <translation>压缩策略的权重位宽</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="108"/>
        <source>Activation bitwidth of the compression policy</source>
        <translation>压缩策略的激活位宽</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="109"/>
        <source>Share of channels or weights pruned</source>
        <translation>被剪枝的通道或权重比例</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="110"/>
        <source>Rank of a low-rank decomposition</source>
        <translation>低秩分解的秩</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="111"/>
        <source>Predicted time of this layer by the project&apos;s latency model</source>
        <translation>项目的延迟模型预测的该层耗时</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="112"/>
        <source>What limits the layer in the device&apos;s roofline model: arithmetic (compute) or memory traffic (memory)</source>
        <translation>在设备的 Roofline 模型中限制该层的因素：计算（compute）或内存访问（memory）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="118"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="119"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="120"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="121"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="122"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="123"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="124"/>
        <source>Activation (KiB)</source>
        <translation>激活（KiB）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="125"/>
        <source>W bits</source>
        <translation>权重位</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="126"/>
        <source>A bits</source>
        <translation>激活位</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="127"/>
        <source>Pruned</source>
        <translation>剪枝率</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="128"/>
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="129"/>
        <source>Time (ms)</source>
        <translation>耗时（ms）</translation>
    </message>
    <message>
        <location filename="../widgets/layer_table_model.cpp" line="130"/>
        <source>Bound</source>
        <translation>瓶颈</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::LogView</name>
    <message>
        <location filename="../widgets/log_view.cpp" line="21"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="22"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="23"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="25"/>
        <source>Filter lines…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="30"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../widgets/log_view.cpp" line="39"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="39"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="49"/>
        <source>Logarithmic x axis</source>
        <translation>对数 x 轴</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="50"/>
        <source>Logarithmic y axis</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="51"/>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="53"/>
        <source>Fit every candidate (drag pans, the wheel zooms, Shift+drag selects)</source>
        <translation>显示全部候选（拖动平移，滚轮缩放，Shift+拖动选择）</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="55"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="57"/>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图表保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="60"/>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="64"/>
        <source>Y axis:</source>
        <translation>Y 轴：</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="68"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="86"/>
        <source>No candidates yet.
Run a search to see the accuracy–cost trade-off here.</source>
        <translation>暂无候选模型。
运行搜索后，这里将显示精度与开销的权衡。</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="102"/>
        <source>dominated</source>
        <translation>被支配</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="105"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="112"/>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="175"/>
        <source>Pareto status</source>
        <translation>帕累托状态</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="176"/>
        <location filename="../widgets/pareto_view.cpp" line="232"/>
        <location filename="../widgets/pareto_view.cpp" line="452"/>
        <source>Generation</source>
        <translation>代</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="496"/>
        <source>EdgeSmith Pareto plot</source>
        <translation>EdgeSmith 帕累托图</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="505"/>
        <source>%1: unknown format &quot;%2&quot;; use .png, .svg or .pdf</source>
        <translation>%1：未知格式“%2”；请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="508"/>
        <source>%1: could not be written</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="513"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="514"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 绘图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/pareto_view.cpp" line="517"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
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
    <name>edgesmith::widgets::RunTableModel</name>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="45"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="46"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="47"/>
        <source>Estimator</source>
        <translation>评估器</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="49"/>
        <source>Candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="50"/>
        <source>Evaluation (s)</source>
        <translation>评估（秒）</translation>
    </message>
    <message>
        <location filename="../widgets/run_table_model.cpp" line="51"/>
        <source>Started (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SchemaForm</name>
    <message>
        <location filename="../widgets/schema_form.cpp" line="55"/>
        <source>
Default: %1</source>
        <translation>
默认值：%1</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="62"/>
        <source>&lt;i&gt;No parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;无参数。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="125"/>
        <source>JSON value</source>
        <translation>JSON 值</translation>
    </message>
    <message>
        <location filename="../widgets/schema_form.cpp" line="152"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SearchLauncher</name>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="46"/>
        <source>Measured on this host</source>
        <translation>在本机上测量</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="47"/>
        <source>Times every candidate on this host: exact for this machine, and the slowest choice.</source>
        <translation>在本机上为每个候选计时：对这台机器最准确，也是最慢的选择。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="48"/>
        <source>Lookup table</source>
        <translation>查找表</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="49"/>
        <source>Sums per-layer timings of this host, each layer shape timed once and kept beside the project.</source>
        <translation>累加本机的逐层耗时；每种层形状只计时一次，并保存在项目旁。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="51"/>
        <source>Latency predictor</source>
        <translation>延迟预测器</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="52"/>
        <source>A regressor fitted on measured architectures of the space predicts every candidate&apos;s latency on this host.</source>
        <translation>在该空间的已测量架构上拟合的回归器，预测每个候选在本机上的延迟。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="54"/>
        <source>Device simulator</source>
        <translation>设备模拟器</translation>
    </message>
    <message>
        <source>Roofline model of the device profile: each layer bound by compute or by memory. The only choice for a profile other than host.</source>
        <translation type="vanished">设备配置文件的 Roofline 模型：每层受计算或内存限制。host 以外的配置文件只能选择它。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="55"/>
        <source>Roofline model of the device profile: each layer bound by compute or by memory. Needs nothing measured.</source>
        <translation>设备配置的屋顶线模型：每层受计算或内存限制。无需任何测量。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="57"/>
        <source>Fitted to the device&apos;s measurements</source>
        <translation>按设备实测拟合</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="58"/>
        <source>The latency model edgesmith-cli device-fit fitted to networks measured on the device with a measurement kit. Offered once the profile has one.</source>
        <translation>edgesmith-cli device-fit 根据测量套件在设备上实测的网络拟合出的延迟模型。配置拥有该模型后即可选择。</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="89"/>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="156"/>
        <source>strategy&apos;s own</source>
        <translation>策略默认</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="157"/>
        <source>Trained (or failed) evaluations before the run stops</source>
        <translation>运行停止前已训练（或失败）的评估次数</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="159"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="160"/>
        <source>Candidates evaluated at once, each with its share of the cores</source>
        <translation>同时评估的候选数，每个分得一部分核心</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="163"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="164"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="166"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="171"/>
        <source>Performance estimation</source>
        <translation>性能评估</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="176"/>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="179"/>
        <source>Device profile:</source>
        <translation>设备配置文件：</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="180"/>
        <source>Latency model:</source>
        <translation>延迟模型：</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="185"/>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="188"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="190"/>
        <source>Budget (evaluations):</source>
        <translation>预算（评估次数）：</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="191"/>
        <source>Workers:</source>
        <translation>工作线程：</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="192"/>
        <source>Time limit:</source>
        <translation>时间限制：</translation>
    </message>
    <message>
        <location filename="../widgets/search_launcher.cpp" line="202"/>
        <source>Start</source>
        <translation>开始</translation>
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
    <name>edgesmith::widgets::SpaceCanvas</name>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="63"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="70"/>
        <source>Cells ×%1</source>
        <translation>单元 ×%1</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="71"/>
        <source>%1 nodes each
reductions at %2
%3 channels</source>
        <translation>每个 %1 个节点
在 %2 处降采样
%3 个通道</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="79"/>
        <source>depth %1 · stride %2
out %3</source>
        <translation>深度 %1 · 步长 %2
输出 %3</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="94"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="94"/>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="161"/>
        <source>× depth</source>
        <translation>× 深度</translation>
    </message>
    <message>
        <location filename="../widgets/space_canvas.cpp" line="170"/>
        <source>+ residual</source>
        <translation>+ 残差</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/space_canvas.cpp" line="222"/>
        <source>Cell DAG: each node sums two edges chosen among the dashed candidates; each edge is one of %n operation(s)</source>
        <translation>
            <numerusform>单元 DAG：每个节点对从虚线候选中选出的两条边求和；每条边是 %n 种操作之一</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgesmith::widgets::SpaceEditor</name>
    <message>
        <location filename="../widgets/space_editor.cpp" line="112"/>
        <source>
Drag onto the canvas to add a stage</source>
        <translation>
拖到画布上以添加一个阶段</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="115"/>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="116"/>
        <source>Drag one onto the canvas to add a stage.</source>
        <translation>拖一个到画布上以添加阶段。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="134"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="136"/>
        <source>Remove the selected stage or layer (Delete)</source>
        <translation>删除选中的阶段或层（Delete）</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="162"/>
        <source>Start over from…</source>
        <translation>重新开始于…</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="163"/>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="164"/>
        <source>an empty chain</source>
        <translation>空链</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="168"/>
        <source>Start the space over from %1</source>
        <translation>从 %1 重新开始搜索空间</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="247"/>
        <source>&lt;b&gt;The space has problems&lt;/b&gt;; fix the outlined nodes.</source>
        <translation>&lt;b&gt;搜索空间有问题&lt;/b&gt;；请修复标出的节点。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="251"/>
        <source>%1 – %2 (median %3)</source>
        <translation>%1 – %2（中位数 %3）</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="253"/>
        <source>&lt;b&gt;%1 architectures&lt;/b&gt; · MACs %2 · parameters %3 · peak activation memory %4 &lt;span style=&apos;color:gray&apos;&gt;(%5 sampled)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1 个架构&lt;/b&gt; · MACs %2 · 参数 %3 · 峰值激活内存 %4 &lt;span style=&apos;color:gray&apos;&gt;（采样 %5 个）&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="313"/>
        <source>Set %1 of %2</source>
        <translation>设置 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="327"/>
        <source>Add a %1 stage</source>
        <translation>添加一个 %1 阶段</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="339"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="347"/>
        <source>&lt;i&gt;Click a node to edit its choices. A list such as “3, 5” is a choice the search makes; one value fixes the field.&lt;/i&gt;</source>
        <translation>&lt;i&gt;单击节点以编辑其选项。“3, 5”这样的列表由搜索来选择；单个值则固定该字段。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="361"/>
        <source>Operator:</source>
        <translation>算子：</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="366"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>EdgeSmith workbench: design and compress models for edge devices</source>
        <translation>EdgeSmith 工作台：为边缘设备设计和压缩模型</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="66"/>
        <source>Project file to open (default: the last one, else the default project)</source>
        <translation>要打开的项目文件（默认：上次打开的项目，否则为默认项目）</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="67"/>
        <source>Save a PNG of the window and quit</source>
        <translation>保存窗口的 PNG 截图后退出</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="68"/>
        <source>Interface language: en, de, zh_CN</source>
        <translation>界面语言：en、de、zh_CN</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69"/>
        <source>Window size, e.g. 1400x860</source>
        <translation>窗口大小，例如 1400x860</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="70"/>
        <source>Colours: system (default) or dark</source>
        <translation>配色：system（默认）或 dark</translation>
    </message>
</context>
</TS>
