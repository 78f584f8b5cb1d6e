import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import AppRoot from './AppRoot.vue';
import { permissionDirective } from './permission-directive';
import { createAppRouter } from './router';
import './styles.css';

const app = createApp(AppRoot);
app.use(createPinia());
app.use(createAppRouter());
app.use(ElementPlus, { locale: zhCn });
app.directive('permission', permissionDirective);
app.mount('#app');
